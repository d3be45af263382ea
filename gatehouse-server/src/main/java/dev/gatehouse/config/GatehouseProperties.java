package dev.gatehouse.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code gatehouse.*}. Each can also be set as an environment variable, for example
 * {@code GATEHOUSE_TOKEN_ALGORITHM=RS256}. The records check their values when they are bound, so an
 * unusable setting stops start-up with a message that names it.
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
        @DefaultValue Admin admin,
        @DefaultValue SignIn signIn) {

    public GatehouseProperties {
        require(issuer.startsWith("https://") || issuer.startsWith("http://"),
                "gatehouse.issuer must be an http(s) URL, such as https://auth.example.com, but is '" + issuer + "'");
        // Discovery publishes the issuer exactly as tokens carry it, and endpoint URLs are the issuer plus a path.
        require(!issuer.endsWith("/"), "gatehouse.issuer must not end with '/', but is '" + issuer
                + "'; use https://auth.example.com rather than https://auth.example.com/");
        require(!audience.isBlank(), "gatehouse.audience must not be blank");
    }

    /**
     * Access-token settings.
     *
     * @param algorithm JWS algorithm of access tokens: ES256, RS256, HS256 or EdDSA (Ed25519)
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

        public Token {
            require(lifetime.isPositive(), "gatehouse.token.lifetime must be positive, such as 15m");
            require(!clockSkew.isNegative() && clockSkew.compareTo(lifetime) < 0,
                    "gatehouse.token.clock-skew must be zero or more and shorter than gatehouse.token.lifetime");
        }

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

        public Session {
            require(idleLifetime.isPositive(), "gatehouse.session.idle-lifetime must be positive, such as 14d");
            require(absoluteLifetime.compareTo(idleLifetime) >= 0,
                    "gatehouse.session.absolute-lifetime must be at least gatehouse.session.idle-lifetime");
            require(!reuseLeeway.isNegative() && reuseLeeway.compareTo(idleLifetime) < 0,
                    "gatehouse.session.reuse-leeway must be zero or more and shorter than the idle lifetime");
            require(!redisKeyPrefix.isBlank(), "gatehouse.session.redis-key-prefix must not be blank");
        }
    }

    /**
     * Throttling of failed password checks at {@code /authentication/sign-in} and in the password grant.
     * Each limit counts failures in a fixed window that opens at the first failure; once a limit is
     * reached, sign-ins it covers are rejected with 429 until the window ends, without checking the password.
     *
     * @param maxFailuresPerAccountAndAddress failures allowed for one email from one client address
     * @param maxFailuresPerAccount failures allowed for one email from all addresses together
     * @param maxFailuresPerAddress failures allowed from one client address for all emails together
     * @param failureWindow length of each counting window
     */
    public record SignIn(
            @DefaultValue("10") int maxFailuresPerAccountAndAddress,
            @DefaultValue("50") int maxFailuresPerAccount,
            @DefaultValue("100") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration failureWindow) {

        public SignIn {
            require(maxFailuresPerAccountAndAddress >= 1,
                    "gatehouse.sign-in.max-failures-per-account-and-address must be at least 1");
            require(maxFailuresPerAccount >= 1, "gatehouse.sign-in.max-failures-per-account must be at least 1");
            require(maxFailuresPerAddress >= 1, "gatehouse.sign-in.max-failures-per-address must be at least 1");
            require(failureWindow.toMillis() >= 1000,
                    "gatehouse.sign-in.failure-window must be at least 1s, such as 15m");
        }
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

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidConfigurationException(message);
        }
    }

    /** Access-token signature algorithms that Gatehouse can issue. {@code EdDSA} always uses the Ed25519 curve. */
    public enum SigningAlgorithm {
        ES256, RS256, HS256, EdDSA
    }

    /** Session store selection. */
    public enum SessionStoreType {
        AUTO, REDIS, MEMORY
    }
}
