package dev.gatehouse.session;

import java.util.UUID;

/**
 * A session and the refresh token the client holds for it now.
 *
 * @param refreshToken the opaque token to return to the client once; never logged
 */
public record StartedSession(UUID userId, String sessionId, String refreshToken) {

    @Override
    public String toString() {
        return "StartedSession[userId=" + userId + ", sessionId=" + sessionId + ", refreshToken=[redacted]]";
    }
}
