package dev.gatehouse.session;

import java.util.UUID;

/** Outcome of presenting a refresh token. The store decides each case in one atomic step. */
sealed interface RotationOutcome {

    /** 1. The token was the session's current one. Its successor is now current and the token is spent. */
    record Rotated(UUID userId) implements RotationOutcome {
    }

    /**
     * 2. The token was rotated less than the leeway ago: a retry from a racing tab or a lost response.
     * Nothing changes; the caller returns the same successor the first use got.
     */
    record Retried(UUID userId) implements RotationOutcome {
    }

    /** 3. The token was rotated longer than the leeway ago: it was stolen. The store has revoked the session. */
    record Reused(UUID userId) implements RotationOutcome {
    }

    /**
     * 4. The token claims a generation older than the previous one. It is reuse of a stolen ancestor
     * when it derives forward to {@code currentHash}; otherwise it is forged. The store changed nothing.
     */
    record Stale(UUID userId, long currentGeneration, String currentHash) implements RotationOutcome {
    }

    /**
     * 5. No live session has this token (unknown, expired, revoked, or not matching), or another client
     * presented the current token. Nothing changed.
     */
    record Rejected(Reason reason) implements RotationOutcome {
    }

    /** Reason a token was rejected, for logs and metrics only and never for the response. */
    enum Reason {
        /** No session with this id: never existed, revoked, expired by TTL, or the store was flushed. */
        UNKNOWN_SESSION,
        /** The session passed its idle or absolute lifetime at the time of the request. */
        EXPIRED,
        /** The session exists but the token matches neither its current nor its previous hash. */
        MISMATCH,
        /** The token is the session's current one, or a retry of it, but another client presented it. */
        WRONG_CLIENT
    }
}
