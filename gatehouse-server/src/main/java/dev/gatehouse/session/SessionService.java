package dev.gatehouse.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.error.NotFoundException;
import dev.gatehouse.session.RotationOutcome.Rejected;
import dev.gatehouse.session.RotationOutcome.Retried;
import dev.gatehouse.session.RotationOutcome.Reused;
import dev.gatehouse.session.RotationOutcome.Rotated;
import dev.gatehouse.session.RotationOutcome.Stale;

/**
 * Sessions and their refresh tokens: starts a session at sign-in, rotates its refresh token with
 * reuse detection, and revokes sessions. Every failure to refresh is the same {@link InvalidGrantException};
 * the reason goes to the log at DEBUG, or at WARN with an audit event when it is reuse.
 */
@Service
public class SessionService implements SmartInitializingSingleton {

    /**
     * How many rotations back a presented ancestor is still recognised as one. Beyond this an ancestor is
     * treated as unknown rather than as reuse; the bound caps the HMAC work one forged token can cause.
     */
    static final int MAX_ANCESTOR_DISTANCE = 10_000;
    static final String SESSION_NOT_FOUND = "session_not_found";
    /** Most entries one read of the revocation feed returns. */
    static final int MAX_REVOCATIONS_PER_PAGE = 1000;
    private static final int MAX_USER_AGENT_LENGTH = 256;
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SessionStore store;
    private final RefreshTokenCodec codec;
    private final Clock clock;
    private final GatehouseProperties.Session settings;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Counter reuseCounter;

    SessionService(SessionStore store, RefreshTokenCodec codec, Clock clock, GatehouseProperties properties,
            ApplicationEventPublisher events, MeterRegistry meters) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.settings = properties.session();
        this.events = events;
        this.meters = meters;
        this.reuseCounter = Counter.builder("gatehouse.refresh.reuse.detected")
                .description("Refresh tokens presented after they were rotated; each revoked its session")
                .register(meters);
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            store.warmUp();
        } catch (SessionStoreUnavailableException unavailable) {
            log.warn("The session store {} is unreachable at start-up; requests that need it get 503 until it "
                    + "is back", store.describe());
        }
        log.info("Sessions are stored in {}; idle lifetime {}, absolute lifetime {}, reuse leeway {}",
                store.describe(), settings.idleLifetime(), settings.absoluteLifetime(), settings.reuseLeeway());
    }

    /** Starts a new session, a new refresh-token family, for a user who just signed in. */
    public StartedSession start(UUID userId, ClientInfo client) {
        Instant now = clock.instant();
        String sessionId = codec.newSessionId();
        RefreshToken token = codec.first(sessionId);

        store.create(new SessionStore.NewSession(sessionId, userId, codec.hash(token), now,
                now.plus(settings.absoluteLifetime()), truncate(client.userAgent()), client.address(), client.clientId()));
        log.debug("Started session {} for user {}, client {}", sessionId, userId, client.clientId());
        return new StartedSession(userId, sessionId, token.value(), client.clientId());
    }

    /**
     * Exchanges a refresh token for its successor. The token rotates once, and a retry within the leeway
     * gets the same successor. A rotated token presented after the leeway, or any older ancestor, revokes
     * the session. A session bound to an OAuth client is refreshed only when that client presents its
     * token, and a session without one only when no client does.
     *
     * @param clientId the authenticated OAuth client presenting the token, or null for none
     */
    public StartedSession refresh(String presented, @Nullable String clientId) {
        RefreshToken token = RefreshToken.parse(presented).orElseThrow(() -> rejectMalformed());
        RefreshToken successor = codec.successorOf(token);
        RotationOutcome outcome = store.rotate(new SessionStore.RotationAttempt(token.sessionId(), token.generation(),
                codec.hash(token), codec.hash(successor), clock.instant(), settings.reuseLeeway(), clientId));

        return switch (outcome) {
            case Rotated rotated -> succeed("rotated", rotated.userId(), successor, clientId);
            case Retried retried -> succeed("retried", retried.userId(), successor, clientId);
            case Reused reused -> throw reuseDetected(reused.userId(), token, "rotated token presented after the leeway");
            case Stale stale -> throw rejectStale(token, stale);
            case Rejected rejected -> throw reject(token, rejected.reason().name().toLowerCase(Locale.ROOT));
        };
    }

    /** Ends the session of a presented refresh token. A token that matches no live session changes nothing. */
    public void signOut(String presented) {
        sessionOfRefreshToken(presented).ifPresent(session -> {
            store.revoke(session.sessionId());
            log.info("User {} signed out of session {}", session.userId(), session.sessionId());
        });
    }

    /**
     * Finds the live session of a presented refresh token: its current token, the token rotated last, or
     * a genuine older ancestor. Anything else, including a token that is not in Gatehouse's format, gives
     * empty. Nothing is rotated or revoked.
     */
    public Optional<RefreshTokenSession> sessionOfRefreshToken(String presented) {
        Optional<RefreshToken> parsed = RefreshToken.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }

        RefreshToken token = parsed.get();
        Instant now = clock.instant();
        Optional<SessionStore.TokenState> state = store.tokenState(token.sessionId(), now)
                .filter(candidate -> belongsToSession(token, candidate));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        boolean current = token.generation() == state.get().generation();
        return store.find(token.sessionId(), now).map(session -> new RefreshTokenSession(session.id(), session.userId(),
                session.clientId(), current, expiryOf(session)));
    }

    /**
     * Ends a session whose token was revoked through the OAuth revocation endpoint; returns false when it
     * had already ended.
     */
    public boolean endByTokenRevocation(String sessionId, @Nullable String clientId) {
        boolean ended = store.revoke(sessionId);
        if (ended) {
            log.info("Revoked session {} at the request of client {}", sessionId, clientId);
        }
        return ended;
    }

    /**
     * Tells whether a session is live and belongs to the given user id (a token's {@code sub}). Access
     * tokens of a revoked or expired session, or naming another user's session, are rejected.
     */
    public boolean isActiveFor(String sessionId, @Nullable String userId) {
        return store.find(sessionId, clock.instant())
                .filter(session -> session.userId().toString().equals(userId))
                .isPresent();
    }

    public List<SessionDetails> list(UUID userId) {
        return store.listByUser(userId, clock.instant());
    }

    /** Revokes one of the user's own sessions; another user's session is reported as not found. */
    public void revoke(UUID userId, String sessionId) {
        boolean owned = store.find(sessionId, clock.instant())
                .filter(session -> session.userId().equals(userId))
                .isPresent();
        if (!owned) {
            throw new NotFoundException(SESSION_NOT_FOUND, "No live session " + sessionId + " belongs to the caller.");
        }

        store.revoke(sessionId);
        log.info("User {} revoked session {}", userId, sessionId);
    }

    /** Revokes all of the user's sessions but the current one; returns how many ended. */
    public int revokeOthers(UUID userId, String currentSessionId) {
        int revoked = store.revokeAllByUser(userId, currentSessionId);
        log.info("User {} revoked {} other sessions, kept {}", userId, revoked, currentSessionId);
        return revoked;
    }

    /** Revokes every session of the user, for administrators; returns how many ended. */
    public int revokeAllForUser(UUID userId) {
        int revoked = store.revokeAllByUser(userId, null);
        log.info("Revoked all {} sessions of user {}", revoked, userId);
        return revoked;
    }

    /**
     * Reads one page of the revocation feed: sessions revoked at or after {@code since}, oldest first.
     * A page that reached {@link #MAX_REVOCATIONS_PER_PAGE} ends at its last entry, so the caller reads on
     * from there; any other page ends at the store's current time.
     */
    public RevokedSessions revokedSince(Instant since) {
        SessionStore.RevocationLog log = store.revocationsSince(since, MAX_REVOCATIONS_PER_PAGE + 1);
        List<SessionStore.Revocation> revocations = log.revocations();
        if (revocations.size() <= MAX_REVOCATIONS_PER_PAGE) {
            return new RevokedSessions(revocations.stream().map(RevokedSessions.Entry::of).toList(), log.now());
        }

        List<SessionStore.Revocation> page = revocations.subList(0, MAX_REVOCATIONS_PER_PAGE);
        return new RevokedSessions(page.stream().map(RevokedSessions.Entry::of).toList(), page.getLast().revokedAt());
    }

    private StartedSession succeed(String outcome, UUID userId, RefreshToken successor, @Nullable String clientId) {
        count(outcome);
        log.debug("Refresh token {} for session {} of user {}", outcome, successor.sessionId(), userId);
        return new StartedSession(userId, successor.sessionId(), successor.value(), clientId);
    }

    /** Returns when the session ends if it is not used again: idle expiry, capped by absolute expiry. */
    private Instant expiryOf(SessionDetails session) {
        Instant idleExpiry = session.lastUsedAt().plus(settings.idleLifetime());
        return idleExpiry.isBefore(session.absoluteExpiresAt()) ? idleExpiry : session.absoluteExpiresAt();
    }

    private boolean belongsToSession(RefreshToken token, SessionStore.TokenState state) {
        String hash = codec.hash(token);
        if (token.generation() == state.generation()) {
            return RefreshTokenCodec.constantTimeEquals(hash, state.currentHash());
        }
        if (token.generation() == state.generation() - 1 && state.previousHash() != null) {
            return RefreshTokenCodec.constantTimeEquals(hash, state.previousHash());
        }
        return codec.isAncestor(token, state.generation(), state.currentHash(), MAX_ANCESTOR_DISTANCE);
    }

    private InvalidGrantException rejectStale(RefreshToken token, Stale stale) {
        if (!codec.isAncestor(token, stale.currentGeneration(), stale.currentHash(), MAX_ANCESTOR_DISTANCE)) {
            return reject(token, "stale_generation_not_an_ancestor");
        }
        store.revoke(token.sessionId());
        return reuseDetected(stale.userId(), token, "ancestor token presented");
    }

    private InvalidGrantException reuseDetected(UUID userId, RefreshToken token, String detail) {
        reuseCounter.increment();
        count("reused");
        log.warn("Refresh token reuse detected ({}): revoked session {} of user {}", detail, token.sessionId(), userId);
        events.publishEvent(new RefreshTokenReuseDetected(userId, token.sessionId(), token.generation(), clock.instant()));
        return new InvalidGrantException();
    }

    private InvalidGrantException reject(RefreshToken token, String reason) {
        count("rejected");
        log.debug("Rejected refresh token for session {}: {}", token.sessionId(), reason);
        return new InvalidGrantException();
    }

    private InvalidGrantException rejectMalformed() {
        count("rejected");
        log.debug("Rejected a refresh token that is not in Gatehouse's format");
        return new InvalidGrantException();
    }

    private void count(String outcome) {
        meters.counter("gatehouse.refresh", "outcome", outcome).increment();
    }

    private static @Nullable String truncate(@Nullable String userAgent) {
        return userAgent == null || userAgent.length() <= MAX_USER_AGENT_LENGTH
                ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT_LENGTH);
    }
}
