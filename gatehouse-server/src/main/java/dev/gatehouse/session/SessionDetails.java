package dev.gatehouse.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A live session as users and administrators see it. Holds no token or hash.
 *
 * @param userAgent the {@code User-Agent} header at sign-in, truncated
 * @param address the client address at sign-in
 * @param clientId the OAuth client the session is bound to, or null for none
 */
public record SessionDetails(String id, UUID userId, Instant createdAt, Instant lastUsedAt, Instant absoluteExpiresAt,
        @Nullable String userAgent, @Nullable String address, @Nullable String clientId) {
}
