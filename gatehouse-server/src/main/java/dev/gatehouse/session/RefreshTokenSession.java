package dev.gatehouse.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The live session that a presented refresh token belongs to.
 *
 * @param current true when the token is the session's current one, false for a rotated predecessor
 * @param clientId the OAuth client the session is bound to, or null for none
 * @param expiresAt when the session ends unless it is used again: its idle expiry, capped by its absolute expiry
 */
public record RefreshTokenSession(String sessionId, UUID userId, @Nullable String clientId, boolean current,
        Instant expiresAt) {
}
