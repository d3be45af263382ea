package dev.gatehouse.oauth;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import dev.gatehouse.session.SessionService;

/**
 * Recognises a token presented to the revocation or introspection endpoint. The {@code token_type_hint}
 * is not needed: refresh tokens and JWT access tokens have formats that cannot be confused, and RFC 7009,
 * section 2.1, lets the server search every type.
 */
@Component
class PresentedTokenResolver {

    private static final Logger log = LoggerFactory.getLogger(PresentedTokenResolver.class);

    private final SessionService sessions;
    private final JwtDecoder accessTokens;

    PresentedTokenResolver(SessionService sessions, JwtDecoder accessTokens) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
    }

    /**
     * Returns the token when it is a refresh token of a live session or a valid access token of a live
     * session, and empty for anything else: unknown, malformed, expired, or of an ended session.
     *
     * @throws dev.gatehouse.error.ServiceUnavailableException when the session store cannot be reached
     */
    Optional<PresentedToken> resolve(String token) {
        Optional<PresentedToken> refreshToken = sessions.sessionOfRefreshToken(token).map(PresentedToken.RefreshToken::new);
        if (refreshToken.isPresent()) {
            return refreshToken;
        }

        try {
            return Optional.of(new PresentedToken.AccessToken(accessTokens.decode(token)));
        } catch (JwtException notValid) {
            log.debug("Presented token is neither a live refresh token nor a valid access token: {}",
                    notValid.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
