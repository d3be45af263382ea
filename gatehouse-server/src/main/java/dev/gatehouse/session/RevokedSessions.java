package dev.gatehouse.session;

import java.time.Instant;
import java.util.List;

/**
 * One page of the revocation feed.
 *
 * @param entries revoked sessions in ascending revocation time
 * @param until where the next read starts: the last entry's time when the page is full, otherwise the
 *     store's time at the read
 */
public record RevokedSessions(List<Entry> entries, Instant until) {

    public RevokedSessions {
        entries = List.copyOf(entries);
    }

    /** A revoked session and when it was revoked. */
    public record Entry(String sessionId, Instant revokedAt) {

        static Entry of(SessionStore.Revocation revocation) {
            return new Entry(revocation.sessionId(), revocation.revokedAt());
        }
    }
}
