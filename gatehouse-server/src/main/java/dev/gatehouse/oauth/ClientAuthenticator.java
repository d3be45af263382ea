package dev.gatehouse.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.gatehouse.client.ClientService;
import dev.gatehouse.client.OAuthClient;

/**
 * Authenticates the client of an OAuth endpoint request (RFC 6749, section 2.3) by one of three methods:
 * HTTP Basic ({@code client_secret_basic}), {@code client_id} and {@code client_secret} in the form
 * ({@code client_secret_post}), or {@code client_id} alone for a public client ({@code none}).
 */
@Component
class ClientAuthenticator {

    private static final String BASIC_PREFIX = "basic ";
    private static final Logger log = LoggerFactory.getLogger(ClientAuthenticator.class);

    private final ClientService clients;

    ClientAuthenticator(ClientService clients) {
        this.clients = clients;
    }

    /**
     * Returns the authenticated client, or empty when the request names no client at all.
     *
     * @throws OAuthException {@code invalid_request} when the request uses two methods at once or sends a
     *     secret without a client id, and {@code invalid_client} when the credentials are wrong
     */
    Optional<OAuthClient> authenticate(HttpServletRequest request, FormParameters form) {
        String formClientId = form.get("client_id");
        String formSecret = form.get("client_secret");
        BasicCredentials basic = basicCredentials(request);

        if (basic != null) {
            if (formSecret != null || formClientId != null && !formClientId.equals(basic.clientId())) {
                throw OAuthException.invalidRequest("Authenticate the client with one method only: HTTP Basic or "
                        + "client_id and client_secret in the form.");
            }
            return Optional.of(require(basic.clientId(), basic.secret()));
        }
        if (formSecret != null && formClientId == null) {
            throw OAuthException.invalidRequest("Parameter client_id is missing; it is required with client_secret.");
        }
        if (formClientId == null) {
            return Optional.empty();
        }
        return Optional.of(require(formClientId, formSecret));
    }

    /**
     * Like {@link #authenticate} but requires a confidential client, as introspection does.
     *
     * @throws OAuthException {@code invalid_client} when no client, or a public one, made the request
     */
    OAuthClient authenticateConfidential(HttpServletRequest request, FormParameters form) {
        OAuthClient client = authenticate(request, form).orElseThrow(() -> OAuthException.invalidClient(
                "This endpoint requires a confidential client: authenticate with its client_id and client_secret."));
        if (!client.isConfidential()) {
            log.debug("Rejected public client {} at an endpoint for confidential clients", client.clientId());
            throw OAuthException.invalidClient("This endpoint requires a confidential client; client "
                    + client.clientId() + " is public.");
        }
        return client;
    }

    private OAuthClient require(String clientId, @Nullable String secret) {
        return clients.authenticate(clientId, secret).orElseThrow(() -> {
            log.debug("Client authentication failed for client {}", clientId);
            return OAuthException.invalidClient("Client authentication failed: unknown client, wrong secret, or a "
                    + "confidential client without its secret.");
        });
    }

    /** Reads HTTP Basic credentials, whose parts are form-encoded before base64 (RFC 6749, section 2.3.1). */
    private static @Nullable BasicCredentials basicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BASIC_PREFIX)) {
            return null;
        }

        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC_PREFIX.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw OAuthException.invalidClient("The Authorization header is not valid HTTP Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw OAuthException.invalidClient("The Authorization header is not valid HTTP Basic credentials.");
        }
        try {
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            // An empty password is how a public client sends only its id through Basic.
            return new BasicCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    secret.isEmpty() ? null : secret);
        } catch (IllegalArgumentException badEncoding) {
            throw OAuthException.invalidClient("The Authorization header is not valid HTTP Basic credentials.");
        }
    }

    private record BasicCredentials(String clientId, @Nullable String secret) {

        @Override
        public String toString() {
            return "BasicCredentials[clientId=" + clientId + ", secret=[redacted]]";
        }
    }
}
