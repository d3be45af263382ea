package dev.gatehouse.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import dev.gatehouse.session.SessionService;
import dev.gatehouse.token.AccessTokenClaims;

/**
 * Rejects an access token whose session was revoked or has ended, so that signing out or a detected
 * reuse also stops the session's access tokens at Gatehouse's own endpoints. When the session store
 * is unreachable this throws, and the request fails with 503 rather than being let through.
 */
@Component
class SessionActiveValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error SESSION_ENDED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The session of this access token has ended", null);

    private final SessionService sessions;

    SessionActiveValidator(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String sessionId = jwt.getClaimAsString(AccessTokenClaims.SESSION_ID);
        if (sessionId == null || !sessions.isActiveFor(sessionId, jwt.getSubject())) {
            return OAuth2TokenValidatorResult.failure(SESSION_ENDED);
        }
        return OAuth2TokenValidatorResult.success();
    }
}
