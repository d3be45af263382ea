package dev.gatehouse.starter.token;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

/**
 * Fetches the issuer's OpenID Connect discovery document on first use rather than at start-up, so the
 * service starts while Gatehouse is down. A failed attempt is retried by the next caller, but at most once
 * per {@link #RETRY_DELAY}; callers in between get {@link IssuerUnavailableException} at once. Once
 * fetched, the metadata is kept for the life of the application.
 */
public final class IssuerMetadataResolver {

    /** Minimum time between two attempts to fetch the discovery document after a failure. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String DEFAULT_REVOKED_SESSIONS_PATH = "/sessions/revoked";
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(IssuerMetadataResolver.class);

    private final String issuer;
    private final IssuerHttpClient httpClient;
    private volatile @Nullable IssuerMetadata metadata;
    private long lastFailureNanos;
    private long lastFailureLogNanos;
    private int failuresSinceLog;
    private boolean failedBefore;

    public IssuerMetadataResolver(URI issuerUri, IssuerHttpClient httpClient) {
        this.issuer = issuerUri.toString();
        this.httpClient = httpClient;
    }

    /** Returns the metadata, fetching it if this is the first successful call. */
    public IssuerMetadata metadata() {
        IssuerMetadata resolved = metadata;
        if (resolved != null) {
            return resolved;
        }
        return fetchOnce();
    }

    private synchronized IssuerMetadata fetchOnce() {
        IssuerMetadata resolved = metadata;
        if (resolved != null) {
            return resolved;
        }
        if (failedBefore && System.nanoTime() - lastFailureNanos < RETRY_DELAY.toNanos()) {
            throw new IssuerUnavailableException("The issuer " + issuer + " was unreachable less than "
                    + RETRY_DELAY.toMillis() + " ms ago");
        }

        try {
            resolved = parse(httpClient.getJsonObject(URI.create(issuer + DISCOVERY_PATH)));
        } catch (RestClientException | IssuerUnavailableException exception) {
            recordFailure(exception);
            throw exception instanceof IssuerUnavailableException unavailable ? unavailable
                    : new IssuerUnavailableException("Failed to fetch the discovery document of " + issuer, exception);
        }

        metadata = resolved;
        log.info("Resolved Gatehouse issuer {}: JWK Set {}, algorithms {}, revocation feed {}", issuer,
                resolved.jwksUri(), resolved.signingAlgorithms(), resolved.revokedSessionsUri());
        return resolved;
    }

    private IssuerMetadata parse(Map<String, Object> document) {
        Object advertisedIssuer = document.get("issuer");
        if (!issuer.equals(advertisedIssuer)) {
            // OpenID Connect Discovery 1.0, section 4.3: the issuer must be identical to the one configured.
            throw new IssuerUnavailableException("The discovery document of " + issuer + " names the issuer "
                    + advertisedIssuer + "; set gatehouse.issuer-uri to exactly the issuer Gatehouse reports");
        }
        URI jwksUri = requireUri(document, "jwks_uri");
        Set<JWSAlgorithm> algorithms = signingAlgorithms(document.get("id_token_signing_alg_values_supported"));
        Object feed = document.get("gatehouse_revoked_sessions_endpoint");
        URI revokedSessionsUri = feed == null ? URI.create(issuer + DEFAULT_REVOKED_SESSIONS_PATH)
                : requireUri(document, "gatehouse_revoked_sessions_endpoint");
        return new IssuerMetadata(issuer, jwksUri, algorithms, revokedSessionsUri);
    }

    private URI requireUri(Map<String, Object> document, String member) {
        if (document.get(member) instanceof String value) {
            try {
                URI uri = URI.create(value);
                if (uri.isAbsolute()) {
                    return uri;
                }
            } catch (IllegalArgumentException ignored) {
                // Reported below with the member name.
            }
        }
        throw new IssuerUnavailableException("The discovery document of " + issuer + " has no valid absolute URI in "
                + member);
    }

    /** Keeps the asymmetric algorithms: a public JWK Set cannot verify HMAC, and "none" is never accepted. */
    private Set<JWSAlgorithm> signingAlgorithms(@Nullable Object advertised) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        if (advertised instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String value && !value.equals(Algorithm.NONE.getName())) {
                    JWSAlgorithm algorithm = JWSAlgorithm.parse(value);
                    if (JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
                        algorithms.add(algorithm);
                    }
                }
            }
        }
        if (algorithms.isEmpty()) {
            throw new IssuerUnavailableException("The discovery document of " + issuer
                    + " lists no asymmetric algorithm in id_token_signing_alg_values_supported: " + advertised);
        }
        return algorithms;
    }

    private void recordFailure(Exception exception) {
        long now = System.nanoTime();
        lastFailureNanos = now;
        failuresSinceLog++;
        if (!failedBefore || now - lastFailureLogNanos >= FAILURE_LOG_INTERVAL.toNanos()) {
            log.warn("Failed to resolve the Gatehouse issuer {} ({} failed attempts since the last report); "
                    + "requests with a token get 503 until it succeeds: {}", issuer, failuresSinceLog, exception.toString());
            lastFailureLogNanos = now;
            failuresSinceLog = 0;
        }
        failedBefore = true;
    }
}
