package dev.gatehouse.oauth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.client.OAuthClient;
import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.session.RefreshTokenSession;
import dev.gatehouse.token.AccessTokenClaims;

/**
 * Token introspection (RFC 7662) for registered confidential clients, such as resource servers that do
 * not verify JWTs themselves. A token is active only while its session is live, so a revoked session's
 * tokens introspect as inactive at once.
 */
@RestController
class IntrospectionController {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);
    private static final Logger log = LoggerFactory.getLogger(IntrospectionController.class);

    private final ClientAuthenticator clientAuthenticator;
    private final PresentedTokenResolver tokens;
    private final String issuer;

    IntrospectionController(ClientAuthenticator clientAuthenticator, PresentedTokenResolver tokens,
            GatehouseProperties properties) {
        this.clientAuthenticator = clientAuthenticator;
        this.tokens = tokens;
        this.issuer = properties.issuer();
    }

    /**
     * Returns the token's claims with {@code "active": true} for a valid access token or the current
     * refresh token of a live session, and exactly {@code {"active": false}} for anything else (RFC 7662,
     * section 2.2), including a rotated refresh token and any token of a revoked session.
     */
    @PostMapping(path = "/oauth2/introspect", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> introspect(HttpServletRequest request) {
        FormParameters form = FormParameters.read(request);
        OAuthClient client = clientAuthenticator.authenticateConfidential(request, form);
        String token = form.require("token");

        Map<String, Object> response = tokens.resolve(token).map(this::describe).orElse(INACTIVE);
        log.debug("Client {} introspected a token: active {}", client.clientId(), response.get("active"));
        // RFC 7662, section 4: the response may carry token data, so caches must not keep it.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(response);
    }

    private Map<String, Object> describe(PresentedToken token) {
        return switch (token) {
            case PresentedToken.AccessToken accessToken -> describeAccessToken(accessToken.jwt());
            case PresentedToken.RefreshToken refreshToken -> describeRefreshToken(refreshToken.session());
        };
    }

    private static Map<String, Object> describeAccessToken(Jwt jwt) {
        List<String> permissions = listClaim(jwt, AccessTokenClaims.PERMISSIONS);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("active", true);
        response.put("token_type", "Bearer");
        response.put("sub", jwt.getSubject());
        response.put("sid", jwt.getClaimAsString(AccessTokenClaims.SESSION_ID));
        response.put("email", jwt.getClaimAsString(AccessTokenClaims.EMAIL));
        response.put("exp", jwt.getExpiresAt() == null ? null : jwt.getExpiresAt().getEpochSecond());
        response.put("iat", jwt.getIssuedAt() == null ? null : jwt.getIssuedAt().getEpochSecond());
        response.put("iss", jwt.getClaimAsString(JwtClaimNames.ISS));
        // RFC 7662 allows a string or an array; a single audience is sent as the token carries it.
        List<String> audience = jwt.getAudience();
        response.put("aud", audience.size() == 1 ? audience.getFirst() : audience);
        String clientId = jwt.getClaimAsString(AccessTokenClaims.CLIENT_ID);
        if (clientId != null) {
            response.put("client_id", clientId);
        }
        response.put("roles", listClaim(jwt, AccessTokenClaims.ROLES));
        response.put("permissions", permissions);
        response.put("scope", String.join(" ", permissions));
        return response;
    }

    private Map<String, Object> describeRefreshToken(RefreshTokenSession session) {
        if (!session.current()) {
            return INACTIVE;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("active", true);
        response.put("token_type", "refresh_token");
        response.put("sub", session.userId().toString());
        response.put("sid", session.sessionId());
        response.put("exp", session.expiresAt().getEpochSecond());
        response.put("iss", issuer);
        if (session.clientId() != null) {
            response.put("client_id", session.clientId());
        }
        return response;
    }

    private static List<String> listClaim(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : new ArrayList<>(values);
    }
}
