package dev.gatehouse.oauth;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.gatehouse.session.RefreshTokenSession;
import dev.gatehouse.token.AccessTokenClaims;

/** A token presented for revocation or introspection that Gatehouse issued and whose session is live. */
sealed interface PresentedToken {

    String sessionId();

    /** The OAuth client the token's session is bound to, or null for none. */
    @Nullable String clientId();

    /** A valid access token: signature, issuer, audience, expiry and type checked, and its session live. */
    record AccessToken(Jwt jwt) implements PresentedToken {

        @Override
        public String sessionId() {
            return jwt.getClaimAsString(AccessTokenClaims.SESSION_ID);
        }

        @Override
        public @Nullable String clientId() {
            return jwt.getClaimAsString(AccessTokenClaims.CLIENT_ID);
        }

        @Override
        public String toString() {
            return "AccessToken[sessionId=" + sessionId() + ", clientId=" + clientId() + "]";
        }
    }

    /** A refresh token of a live session: its current token or a genuine predecessor. */
    record RefreshToken(RefreshTokenSession session) implements PresentedToken {

        @Override
        public String sessionId() {
            return session.sessionId();
        }

        @Override
        public @Nullable String clientId() {
            return session.clientId();
        }
    }
}
