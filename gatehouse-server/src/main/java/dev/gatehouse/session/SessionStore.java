package dev.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Storage of sessions (refresh-token families). Implementations keep only hashes of refresh tokens,
 * decide each rotation in one atomic step, end a session unused for the idle lifetime they were built
 * with, expire every entry on its own, and throw
 * {@link SessionStoreUnavailableException} when the backing store cannot be reached in time.
 */
interface SessionStore {

    void create(NewSession session);

    /** Decides one presented refresh token atomically: under any concurrency a token rotates once. */
    RotationOutcome rotate(RotationAttempt attempt);

    /** Returns the live session, or empty when it is unknown, revoked or expired at {@code now}. */
    Optional<SessionDetails> find(String sessionId, Instant now);

    /** Returns the hashes a sign-out compares a presented token with, or empty for no live session. */
    Optional<TokenState> tokenState(String sessionId, Instant now);

    List<SessionDetails> listByUser(UUID userId, Instant now);

    /**
     * Ends one session at once and records it in the revocation feed in the same atomic step; returns
     * false, and records nothing, when there was no such session.
     */
    boolean revoke(String sessionId);

    /**
     * Ends every session of the user except {@code keepSessionId}, recording each in the revocation feed
     * as {@link #revoke} does; returns how many ended.
     */
    int revokeAllByUser(UUID userId, @Nullable String keepSessionId);

    /**
     * Reads the revocation feed: sessions revoked at or after {@code since}, oldest first, at most
     * {@code max} of them, with the store's current time. Every revocation, including a reuse that
     * {@link #rotate} detects, is kept for the retention the store was built with. Sessions that end by
     * reaching their idle or absolute lifetime are not in the feed. Entries have distinct times: when
     * several sessions end within one millisecond, each gets the next millisecond, so during a burst an
     * entry's time can run ahead of the clock by one millisecond per revocation.
     */
    RevocationLog revocationsSince(Instant since, int max);

    /**
     * Opens connections and loads scripts ahead of the first request, so the first sign-in does not pay
     * for them. Throws {@link SessionStoreUnavailableException} when the store cannot be reached.
     */
    void warmUp();

    /** Short name for start-up logs, such as "Redis 127.0.0.1:6379". */
    String describe();

    /**
     * A session to store at sign-in.
     *
     * @param tokenHash hash of refresh token generation 0
     * @param absoluteExpiresAt the session ends at this instant however often it is refreshed
     * @param clientId the OAuth client the session is bound to, or null for none
     */
    record NewSession(String id, UUID userId, String tokenHash, Instant createdAt, Instant absoluteExpiresAt,
            @Nullable String userAgent, @Nullable String address, @Nullable String clientId) {
    }

    /**
     * One presented refresh token, already hashed, with the hash of the successor it would rotate to.
     *
     * @param leeway time after a rotation during which the rotated token counts as a retry
     * @param clientId the OAuth client presenting the token, or null for none. A current or retried token
     *     presented by any other client than the session's is rejected without changing anything, but a
     *     reused or stale token is decided as reuse whoever presents it.
     */
    record RotationAttempt(String sessionId, long generation, String presentedHash, String successorHash,
            Instant now, Duration leeway, @Nullable String clientId) {
    }

    /** One entry of the revocation feed. */
    record Revocation(String sessionId, Instant revokedAt) {
    }

    /**
     * A read of the revocation feed.
     *
     * @param revocations entries in ascending {@code revokedAt}
     * @param now the store's time when it was read, never before the newest entry; a later revocation
     *     gets this time or a later one
     */
    record RevocationLog(List<Revocation> revocations, Instant now) {
    }

    /**
     * Token hashes of a live session.
     *
     * @param previousHash hash of the token rotated last, or null before the first rotation
     * @param clientId the OAuth client the session is bound to, or null for none
     */
    record TokenState(UUID userId, long generation, String currentHash, @Nullable String previousHash,
            @Nullable String clientId) {
    }
}
