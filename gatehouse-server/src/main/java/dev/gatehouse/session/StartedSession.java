package dev.gatehouse.session;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A session and the refresh token the client holds for it now.
 *
 * @param refreshToken the opaque token to return to the client once; never logged
 * @param clientId the OAuth client the session is bound to, or null for none
 */
public record StartedSession(UUID userId, String sessionId, String refreshToken, @Nullable String clientId) {

    @Override
    public String toString() {
        return "StartedSession[userId=" + userId + ", sessionId=" + sessionId + ", refreshToken=[redacted], clientId="
                + clientId + "]";
    }
}
