package dev.gatehouse.oauth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.token.AccessTokenClaims;
import dev.gatehouse.token.AccessTokenIssuer;

/**
 * Publishes the server metadata of OpenID Connect Discovery 1.0 and RFC 8414 under both well-known
 * paths, with the same document. Gatehouse has no authorization endpoint, so {@code authorization_endpoint}
 * is left out.
 */
@RestController
class DiscoveryController {

    private static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);
    static final String REVOKED_SESSIONS_ENDPOINT = "gatehouse_revoked_sessions_endpoint";

    private final Map<String, Object> metadata;

    DiscoveryController(GatehouseProperties properties, AccessTokenIssuer accessTokens) {
        this.metadata = metadata(properties.issuer(), accessTokens.signingAlgorithm());
    }

    @GetMapping({"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
    ResponseEntity<Map<String, Object>> configuration() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHE_LIFETIME).cachePublic()).body(metadata);
    }

    private static Map<String, Object> metadata(String issuer, String algorithm) {
        List<String> clientAuthentication = List.of("client_secret_basic", "client_secret_post", "none");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("jwks_uri", issuer + "/.well-known/jwks.json");
        metadata.put("token_endpoint", issuer + "/oauth2/token");
        metadata.put("revocation_endpoint", issuer + "/oauth2/revoke");
        metadata.put("introspection_endpoint", issuer + "/oauth2/introspect");
        metadata.put("grant_types_supported", List.of("password", "refresh_token"));
        // Both specifications require this member. With no authorization endpoint there is no response
        // type to offer, and "none" is the registered value for "the authorization endpoint issues nothing".
        metadata.put("response_types_supported", List.of("none"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of(algorithm));
        metadata.put("token_endpoint_auth_methods_supported", clientAuthentication);
        metadata.put("revocation_endpoint_auth_methods_supported", clientAuthentication);
        metadata.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        metadata.put("claims_supported", List.of("iss", "aud", "sub", "iat", "exp", "jti", AccessTokenClaims.SESSION_ID,
                AccessTokenClaims.EMAIL, AccessTokenClaims.CLIENT_ID, AccessTokenClaims.ROLES,
                AccessTokenClaims.PERMISSIONS));
        metadata.put(REVOKED_SESSIONS_ENDPOINT, issuer + "/sessions/revoked");
        return Collections.unmodifiableMap(metadata);
    }
}
