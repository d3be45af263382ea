package dev.gatehouse.oauth;

import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.client.OAuthClient;
import dev.gatehouse.session.SessionService;

/**
 * Token revocation (RFC 7009). Revoking a refresh token (current or a genuine ancestor) or a valid access
 * token ends the whole session, so every token of the session stops working and the session appears in the
 * revocation feed. Client authentication is optional, but presented credentials must be right.
 */
@RestController
class RevocationController {

    private static final Logger log = LoggerFactory.getLogger(RevocationController.class);

    private final ClientAuthenticator clientAuthenticator;
    private final PresentedTokenResolver tokens;
    private final SessionService sessions;

    RevocationController(ClientAuthenticator clientAuthenticator, PresentedTokenResolver tokens,
            SessionService sessions) {
        this.clientAuthenticator = clientAuthenticator;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /**
     * Returns 200 with an empty body, also for an unknown, malformed or expired token (RFC 7009, section
     * 2.2), which changes nothing. A token whose session is bound to another client than the caller, or to
     * no client when the caller is one (or the reverse), is refused with 400 {@code unauthorized_client}
     * and changes nothing (section 2.1: the server verifies that the token was issued to the caller).
     */
    @PostMapping("/oauth2/revoke")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        FormParameters form = FormParameters.read(request);
        Optional<OAuthClient> client = clientAuthenticator.authenticate(request, form);
        String clientId = client.map(OAuthClient::clientId).orElse(null);
        String token = form.require("token");

        Optional<PresentedToken> presented = tokens.resolve(token);
        if (presented.isEmpty()) {
            log.debug("Revocation by client {} of a token that is not live: nothing to do", clientId);
            return ok();
        }
        if (!Objects.equals(presented.get().clientId(), clientId)) {
            log.debug("Client {} may not revoke a token of session {}", clientId, presented.get().sessionId());
            throw OAuthException.unauthorizedClient("This token was not issued to the client making the request.");
        }

        sessions.endByTokenRevocation(presented.get().sessionId(), clientId);
        return ok();
    }

    private static ResponseEntity<Void> ok() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }
}
