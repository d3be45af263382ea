package dev.gatehouse.session;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.error.ErrorCodes;
import dev.gatehouse.error.InvalidRequestException;

/**
 * The public revocation feed that resource servers poll to reject access tokens of revoked sessions
 * before they expire. It needs no token, because the id of a revoked session grants no access.
 */
@RestController
class RevokedSessionsController {

    private final SessionService sessions;

    RevokedSessionsController(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * Lists sessions revoked at or after {@code since} (epoch milliseconds, inclusive, 0 when missing).
     * Read again with {@code since} set to the returned {@code until}.
     */
    @GetMapping("/sessions/revoked")
    ResponseEntity<RevokedSessionsResponse> revoked(@RequestParam(required = false) @Nullable String since) {
        RevokedSessions page = sessions.revokedSince(Instant.ofEpochMilli(parseSince(since)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(RevokedSessionsResponse.of(page));
    }

    private static long parseSince(@Nullable String since) {
        if (since == null) {
            return 0;
        }
        if (!since.matches("\\d{1,18}")) {
            throw new InvalidRequestException(ErrorCodes.INVALID_REQUEST,
                    "Parameter since must be a time in epoch milliseconds, a whole number of 0 or more.");
        }
        return Long.parseLong(since);
    }

    /**
     * Body of the feed.
     *
     * @param until epoch milliseconds to send as {@code since} in the next read
     */
    record RevokedSessionsResponse(List<RevokedSession> revoked, long until) {

        static RevokedSessionsResponse of(RevokedSessions page) {
            List<RevokedSession> revoked = page.entries().stream()
                    .map(entry -> new RevokedSession(entry.sessionId(), entry.revokedAt().toEpochMilli()))
                    .toList();
            return new RevokedSessionsResponse(revoked, page.until().toEpochMilli());
        }
    }

    /**
     * One revoked session.
     *
     * @param revokedAt epoch milliseconds
     */
    record RevokedSession(String sid, long revokedAt) {
    }
}
