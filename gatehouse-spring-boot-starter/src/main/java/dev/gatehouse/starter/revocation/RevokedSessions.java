package dev.gatehouse.starter.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The session ids that the issuer reported as revoked, and when the feed was last read completely.
 * An id is kept until every access token of its session must have expired: its revocation time plus the
 * longest token lifetime seen (at least {@link #MIN_TOKEN_LIFETIME}) plus the clock skew and a minute.
 *
 * <p>A token that lives longer than any seen before may belong to a session whose id was already dropped.
 * {@link #mayHaveBeenDropped} detects this from the token's {@code iat} and requests a read of the feed
 * from the start, which returns every revocation the issuer still keeps.
 */
public final class RevokedSessions {

    /** Token lifetime assumed before a longer one is seen: Gatehouse's default of 15 minutes plus one. */
    public static final Duration MIN_TOKEN_LIFETIME = Duration.ofMinutes(16);

    private static final Duration RETENTION_MARGIN = Duration.ofMinutes(1);

    private final Map<String, Instant> revokedAt = new ConcurrentHashMap<>();
    private final AtomicLong longestTokenLifetimeMillis = new AtomicLong(MIN_TOKEN_LIFETIME.toMillis());
    private final Duration maxStaleness;
    private final Duration clockSkew;
    private final Clock clock;
    /** {@link System#nanoTime()} when the last complete read of the feed was started; 0 before the first. */
    private volatile long lastCompleteReadNanos;
    private volatile boolean readOnce;
    /** Revocations before this instant may have been dropped; {@code null} when none was dropped. */
    private volatile @Nullable Instant droppedBefore;
    private final AtomicBoolean readFromStartRequested = new AtomicBoolean();

    public RevokedSessions(Duration maxStaleness, Duration clockSkew, Clock clock) {
        this.maxStaleness = maxStaleness;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** Records the lifetime of a verified token, so ids are kept at least as long as such tokens live. */
    public void observe(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        if (issuedAt != null && expiresAt != null) {
            longestTokenLifetimeMillis.accumulateAndGet(Duration.between(issuedAt, expiresAt).toMillis(), Math::max);
        }
    }

    /**
     * Returns whether the revocation of the token's session could have been dropped already, and if so
     * requests a read of the feed from the start. A session revoked at {@code r} can only have issued
     * tokens with {@code iat <= r} (plus clock skew), so a token issued after every dropped revocation is safe.
     */
    public boolean mayHaveBeenDropped(Jwt token) {
        Instant dropped = droppedBefore;
        Instant issuedAt = token.getIssuedAt();
        if (dropped == null) {
            return false;
        }
        if (issuedAt != null && !issuedAt.minus(clockSkew).isBefore(dropped)) {
            return false;
        }
        readFromStartRequested.set(true);
        return true;
    }

    public boolean isRevoked(String sessionId) {
        return revokedAt.containsKey(sessionId);
    }

    /** Returns whether the last complete read of the feed started less than the max staleness ago. */
    public boolean isCurrent() {
        return readOnce && System.nanoTime() - lastCompleteReadNanos < maxStaleness.toNanos();
    }

    public int size() {
        return revokedAt.size();
    }

    void add(String sessionId, Instant revokedAtTime) {
        revokedAt.merge(sessionId, revokedAtTime, (known, reported) -> known.isAfter(reported) ? known : reported);
    }

    /** @param fromStart whether the read started at {@code since=0}, so nothing the issuer keeps is missing */
    void markCompleteRead(long startedNanos, boolean fromStart) {
        lastCompleteReadNanos = startedNanos;
        readOnce = true;
        if (fromStart) {
            droppedBefore = null;
        }
    }

    /** Returns whether a token asked for a read from the start, and clears the request. */
    boolean takeReadFromStartRequest() {
        return readFromStartRequested.getAndSet(false);
    }

    /** Drops the ids whose tokens have all expired; returns how many were dropped. */
    int prune() {
        Duration retention = Duration.ofMillis(longestTokenLifetimeMillis.get()).plus(clockSkew).plus(RETENTION_MARGIN);
        Instant cutoff = clock.instant().minus(retention);
        int before = revokedAt.size();
        revokedAt.values().removeIf(time -> time.isBefore(cutoff));
        int dropped = before - revokedAt.size();
        if (dropped > 0) {
            Instant previous = droppedBefore;
            droppedBefore = previous == null || cutoff.isAfter(previous) ? cutoff : previous;
        }
        return dropped;
    }
}
