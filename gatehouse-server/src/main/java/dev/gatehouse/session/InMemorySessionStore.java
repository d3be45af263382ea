package dev.gatehouse.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sessions in this process's memory, for the embedded single-instance mode. It follows the same
 * contract as {@link RedisSessionStore}: each session is decided under its own lock, and expired
 * sessions are removed when touched and by a sweep every minute. Revocations are recorded in the feed
 * while the session's lock is held, at the injected clock's time, and each gets a distinct millisecond
 * as in the Redis store. Sessions and the feed do not survive a restart.
 */
class InMemorySessionStore implements SessionStore {

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Set<String>> sessionsByUser = new ConcurrentHashMap<>();
    /** Revocation feed in ascending time; guarded by its own monitor. */
    private final Deque<Revocation> revocations = new ArrayDeque<>();
    private final Duration idleLifetime;
    private final Duration revocationRetention;
    private final Clock clock;

    InMemorySessionStore(Duration idleLifetime, Duration revocationRetention, Clock clock) {
        this.idleLifetime = idleLifetime;
        this.revocationRetention = revocationRetention;
        this.clock = clock;
    }

    @Override
    public void create(NewSession session) {
        sessions.put(session.id(), new Entry(session));
        sessionsByUser.computeIfAbsent(session.userId(), user -> ConcurrentHashMap.newKeySet()).add(session.id());
    }

    @Override
    public RotationOutcome rotate(RotationAttempt attempt) {
        Entry entry = sessions.get(attempt.sessionId());
        if (entry == null) {
            return new RotationOutcome.Rejected(RotationOutcome.Reason.UNKNOWN_SESSION);
        }
        synchronized (entry) {
            if (entry.revoked) {
                return new RotationOutcome.Rejected(RotationOutcome.Reason.UNKNOWN_SESSION);
            }
            if (isExpired(entry, attempt.now())) {
                remove(entry);
                return new RotationOutcome.Rejected(RotationOutcome.Reason.EXPIRED);
            }
            return decide(entry, attempt);
        }
    }

    private RotationOutcome decide(Entry entry, RotationAttempt attempt) {
        UUID userId = entry.session.userId();
        boolean sameClient = Objects.equals(entry.session.clientId(), attempt.clientId());
        // 1. Current token: rotate, unless another client presented it.
        if (attempt.generation() == entry.generation && attempt.presentedHash().equals(entry.currentHash)) {
            if (!sameClient) {
                return new RotationOutcome.Rejected(RotationOutcome.Reason.WRONG_CLIENT);
            }
            entry.previousHash = entry.currentHash;
            entry.currentHash = attempt.successorHash();
            entry.generation++;
            entry.rotatedAt = attempt.now();
            entry.lastUsedAt = attempt.now();
            return new RotationOutcome.Rotated(userId);
        }
        // 2 and 3. The token rotated last: a retry within the leeway, reuse after it.
        if (attempt.generation() == entry.generation - 1 && attempt.presentedHash().equals(entry.previousHash)
                && attempt.successorHash().equals(entry.currentHash)) {
            if (!attempt.now().isAfter(entry.rotatedAt.plus(attempt.leeway()))) {
                if (!sameClient) {
                    return new RotationOutcome.Rejected(RotationOutcome.Reason.WRONG_CLIENT);
                }
                entry.lastUsedAt = attempt.now();
                return new RotationOutcome.Retried(userId);
            }
            end(entry);
            return new RotationOutcome.Reused(userId);
        }
        // 4. An older generation: the caller checks whether it is a genuine ancestor.
        if (attempt.generation() < entry.generation - 1) {
            return new RotationOutcome.Stale(userId, entry.generation, entry.currentHash);
        }
        // 5. Matches nothing.
        return new RotationOutcome.Rejected(RotationOutcome.Reason.MISMATCH);
    }

    @Override
    public Optional<SessionDetails> find(String sessionId, Instant now) {
        return live(sessionId, now).map(Entry::details);
    }

    @Override
    public Optional<TokenState> tokenState(String sessionId, Instant now) {
        return live(sessionId, now).map(Entry::tokenState);
    }

    @Override
    public List<SessionDetails> listByUser(UUID userId, Instant now) {
        return sessionsByUser.getOrDefault(userId, Set.of()).stream()
                .map(id -> find(id, now))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public boolean revoke(String sessionId) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            if (entry.revoked) {
                return false;
            }
            // A session past its lifetime has ended already, as its Redis key would have expired.
            if (isExpired(entry, clock.instant())) {
                remove(entry);
                return false;
            }
            end(entry);
            return true;
        }
    }

    @Override
    public int revokeAllByUser(UUID userId, @Nullable String keepSessionId) {
        int revoked = 0;
        for (String id : Set.copyOf(sessionsByUser.getOrDefault(userId, Set.of()))) {
            if (!id.equals(keepSessionId) && revoke(id)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public RevocationLog revocationsSince(Instant since, int max) {
        synchronized (revocations) {
            Instant now = latest(clock.instant());
            removeOldRevocations(now);
            List<Revocation> page = revocations.stream()
                    .filter(revocation -> !revocation.revokedAt().isBefore(since))
                    .limit(max)
                    .toList();
            return new RevocationLog(page, now);
        }
    }

    @Override
    public void warmUp() {
        // Nothing to connect to.
    }

    @Override
    public String describe() {
        return "memory (single instance only)";
    }

    /** Drops expired sessions so memory stays bounded by the live ones. */
    @Scheduled(fixedDelayString = "PT1M")
    void removeExpired() {
        Instant now = clock.instant();
        for (Entry entry : sessions.values()) {
            synchronized (entry) {
                if (isExpired(entry, now)) {
                    remove(entry);
                }
            }
        }
    }

    int size() {
        return sessions.size();
    }

    private Optional<Entry> live(String sessionId, Instant now) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return entry.revoked || isExpired(entry, now) ? Optional.empty() : Optional.of(entry.copy());
        }
    }

    private boolean isExpired(Entry entry, Instant now) {
        return !now.isBefore(entry.session.absoluteExpiresAt()) || !now.isBefore(entry.lastUsedAt.plus(idleLifetime));
    }

    /** Removes a live session and records it in the revocation feed. Must be called holding the entry's lock. */
    private void end(Entry entry) {
        remove(entry);
        synchronized (revocations) {
            Instant now = clock.instant();
            Revocation newest = revocations.peekLast();
            Instant revokedAt = newest != null && !now.isAfter(newest.revokedAt())
                    ? newest.revokedAt().plusMillis(1)
                    : now;
            revocations.addLast(new Revocation(entry.session.id(), revokedAt));
            removeOldRevocations(now);
        }
    }

    /** Returns the feed's current time: the clock's, or the newest entry's when that is later. Hold the feed's lock. */
    private Instant latest(Instant now) {
        Revocation newest = revocations.peekLast();
        return newest != null && newest.revokedAt().isAfter(now) ? newest.revokedAt() : now;
    }

    /** Must be called holding the feed's lock. */
    private void removeOldRevocations(Instant now) {
        Instant oldest = now.minus(revocationRetention);
        while (!revocations.isEmpty() && revocations.peekFirst().revokedAt().isBefore(oldest)) {
            revocations.removeFirst();
        }
    }

    /** Must be called holding the entry's lock. */
    private void remove(Entry entry) {
        entry.revoked = true;
        sessions.remove(entry.session.id(), entry);
        Set<String> ids = sessionsByUser.get(entry.session.userId());
        if (ids != null) {
            ids.remove(entry.session.id());
        }
    }

    /** Mutable state of one session, guarded by its own monitor. */
    private static final class Entry {

        private final NewSession session;
        private long generation;
        private String currentHash;
        private @Nullable String previousHash;
        private Instant rotatedAt;
        private Instant lastUsedAt;
        private boolean revoked;

        Entry(NewSession session) {
            this.session = session;
            this.currentHash = session.tokenHash();
            this.rotatedAt = session.createdAt();
            this.lastUsedAt = session.createdAt();
        }

        private Entry(Entry other) {
            this.session = other.session;
            this.generation = other.generation;
            this.currentHash = other.currentHash;
            this.previousHash = other.previousHash;
            this.rotatedAt = other.rotatedAt;
            this.lastUsedAt = other.lastUsedAt;
            this.revoked = other.revoked;
        }

        Entry copy() {
            return new Entry(this);
        }

        SessionDetails details() {
            return new SessionDetails(session.id(), session.userId(), session.createdAt(), lastUsedAt,
                    session.absoluteExpiresAt(), session.userAgent(), session.address(), session.clientId());
        }

        TokenState tokenState() {
            return new TokenState(session.userId(), generation, currentHash, previousHash, session.clientId());
        }
    }
}
