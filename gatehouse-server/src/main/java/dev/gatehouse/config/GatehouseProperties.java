package dev.gatehouse.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code gatehouse.*}. Each can also be set as an environment variable, for example
 * {@code GATEHOUSE_TOKEN_ALGORITHM=RS256}. Invalid combinations are rejected at start-up by
 * {@link ConfigurationValidator}.
 *
 * @param issuer value of the {@code iss} claim, normally the public base URL of this server
 * @param audience value of the {@code aud} claim that resource servers expect
 * @param dataDirectory folder for the embedded H2 database and the generated key-encryption secret
 */
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("gatehouse") String audience,
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue Token token,
        @DefaultValue Session session,
        @DefaultValue Keys keys,
        @DefaultValue Admin admin) {

    /**
     * Access-token settings.
     *
     * @param algorithm JWS algorithm of access tokens: ES256, RS256 or HS256
     * @param lifetime how long an access token is valid
     * @param clockSkew tolerance when checking {@code exp} and {@code nbf} of a received token
     * @param hmacSecret shared secret for HS256, at least 32 bytes (256 bits) of UTF-8
     * @param privateKeyLocation PEM file with the signing key pair; generated and stored in the database when unset
     */
    public record Token(
            @DefaultValue("ES256") SigningAlgorithm algorithm,
            @DefaultValue("15m") Duration lifetime,
            @DefaultValue("30s") Duration clockSkew,
            @Nullable String hmacSecret,
            @Nullable Path privateKeyLocation) {

        @Override
        public String toString() {
            return "Token[algorithm=" + algorithm + ", lifetime=" + lifetime + ", clockSkew=" + clockSkew
                    + ", hmacSecret=" + (hmacSecret == null ? "unset" : "[redacted]")
                    + ", privateKeyLocation=" + privateKeyLocation + "]";
        }
    }

    /**
     * Refresh-session settings.
     *
     * @param store where sessions live: {@code auto} picks Redis when {@code spring.data.redis.host}
     *     or {@code spring.data.redis.url} is set, memory otherwise
     * @param idleLifetime a session unused for this long ends
     * @param absoluteLifetime a session ends this long after sign-in, however often it is refreshed
     * @param reuseLeeway a rotated refresh token presented again within this time is a retry, not theft
     * @param redisKeyPrefix prefix of every Redis key Gatehouse writes
     */
    public record Session(
            @DefaultValue("auto") SessionStoreType store,
            @DefaultValue("14d") Duration idleLifetime,
            @DefaultValue("30d") Duration absoluteLifetime,
            @DefaultValue("10s") Duration reuseLeeway,
            @DefaultValue("gatehouse:") String redisKeyPrefix) {
    }

    /**
     * Protection of stored secrets.
     *
     * @param encryptionSecret secret that encrypts private keys before they are stored in the database;
     *     when unset, one is generated into the data directory
     */
    public record Keys(@Nullable String encryptionSecret) {

        @Override
        public String toString() {
            return "Keys[encryptionSecret=" + (encryptionSecret == null ? "unset" : "[redacted]") + "]";
        }
    }

    /**
     * The first administrator, created at start-up when both values are set and no such user exists.
     *
     * @param email email of the administrator
     * @param password initial password of the administrator
     */
    public record Admin(@Nullable String email, @Nullable String password) {

        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=" + (password == null ? "unset" : "[redacted]") + "]";
        }
    }

    /** Access-token signature algorithms that Gatehouse can issue. */
    public enum SigningAlgorithm {
        ES256, RS256, HS256
    }

    /** Session store selection. */
    public enum SessionStoreType {
        AUTO, REDIS, MEMORY
    }
}
