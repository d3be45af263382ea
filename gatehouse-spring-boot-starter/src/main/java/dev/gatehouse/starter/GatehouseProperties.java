package dev.gatehouse.starter;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Configuration of the Gatehouse starter, under the prefix {@code gatehouse}. The values are checked when
 * they are bound, so a wrong value fails the application start with a message naming the property.
 *
 * @param issuerUri Gatehouse issuer URI, exactly as its discovery document states it, without a trailing
 *        slash, such as https://auth.example.com. Required.
 * @param audience Value that the {@code aud} claim of access tokens must contain.
 * @param clockSkew Tolerance when checking the {@code exp} and {@code nbf} claims of access tokens.
 * @param revocation Client of the issuer's feed of revoked sessions.
 * @param jwks Cache of the issuer's signing keys.
 * @param publicPaths Request paths that need no token, as Spring MVC path patterns (PathPattern syntax)
 *        matched against the path within the context and servlet path, such as /actuator/health/**. A
 *        token that is sent anyway must still be valid. Empty by default, so every endpoint needs a token
 *        unless it is marked @Public.
 */
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
        URI issuerUri,
        @DefaultValue("gatehouse") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue Revocation revocation,
        @DefaultValue Jwks jwks,
        @DefaultValue List<String> publicPaths) {

    public GatehouseProperties {
        issuerUri = requireIssuer(issuerUri);
        require(!audience.isBlank(), "gatehouse.audience must not be blank; Gatehouse's default is gatehouse");
        require(!clockSkew.isNegative() && clockSkew.compareTo(Duration.ofMinutes(5)) <= 0,
                "gatehouse.clock-skew must be between 0s and 5m, such as 30s");
        publicPaths = List.copyOf(publicPaths);
        publicPaths.forEach(GatehouseProperties::requirePathPattern);
    }

    /**
     * @param enabled Whether access tokens are checked against the issuer's feed of revoked sessions.
     * @param pollInterval Delay between two reads of the feed.
     * @param maxStaleness Maximum age of the last complete read of the feed before requests with a token get
     *        503 revocation_status_unknown.
     */
    public record Revocation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("10s") Duration maxStaleness) {

        public Revocation {
            require(pollInterval.compareTo(Duration.ofMillis(50)) >= 0,
                    "gatehouse.revocation.poll-interval must be at least 50ms, such as 1s");
            require(maxStaleness.compareTo(pollInterval) > 0,
                    "gatehouse.revocation.max-staleness must be longer than gatehouse.revocation.poll-interval, such as 10s");
        }
    }

    /** @param cacheLifetime How long the issuer's JWK Set is used before it is fetched again. */
    public record Jwks(@DefaultValue("5m") Duration cacheLifetime) {

        public Jwks {
            require(cacheLifetime.isPositive(), "gatehouse.jwks.cache-lifetime must be positive, such as 5m");
        }
    }

    // The binder passes null when the property is missing, whatever the declared nullness.
    private static URI requireIssuer(@Nullable URI issuerUri) {
        require(issuerUri != null, "gatehouse.issuer-uri is required, such as https://auth.example.com");
        String scheme = issuerUri.getScheme() == null ? "" : issuerUri.getScheme().toLowerCase(Locale.ROOT);
        require(issuerUri.isAbsolute() && (scheme.equals("https") || scheme.equals("http")) && issuerUri.getHost() != null,
                "gatehouse.issuer-uri must be an absolute http or https URI, such as https://auth.example.com, but is "
                        + issuerUri);
        require(!issuerUri.toString().endsWith("/"),
                "gatehouse.issuer-uri must not end with '/', because it is compared exactly with the issuer's "
                        + "discovery document: " + issuerUri);
        require(issuerUri.getRawQuery() == null && issuerUri.getRawFragment() == null,
                "gatehouse.issuer-uri must have no query or fragment: " + issuerUri);
        return issuerUri;
    }

    private static void requirePathPattern(String pattern) {
        require(pattern.startsWith("/"),
                "gatehouse.public-paths must contain path patterns that start with '/', such as /actuator/health/**, "
                        + "but contains '" + pattern + "'");
        try {
            PathPatternParser.defaultInstance.parse(pattern);
        } catch (PatternParseException invalid) {
            // Not chained, so that the message naming the property is the root cause that Spring Boot reports.
            throw new IllegalArgumentException("gatehouse.public-paths contains '" + pattern
                    + "', which is not a valid Spring path pattern: " + invalid.getMessage());
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
