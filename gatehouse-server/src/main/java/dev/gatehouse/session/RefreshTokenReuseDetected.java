package dev.gatehouse.session;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit event: a refresh token came back after it was rotated, so its session was revoked.
 *
 * @param generation the generation of the presented token
 */
public record RefreshTokenReuseDetected(UUID userId, String sessionId, long generation, Instant detectedAt) {
}
