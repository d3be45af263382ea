package dev.gatehouse.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.token.AccessTokenClaims;

/** Lets a signed-in user see and end their own sessions. */
@RestController
@RequestMapping("/sessions")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    List<SessionView> list(@AuthenticationPrincipal Jwt jwt) {
        String current = jwt.getClaimAsString(AccessTokenClaims.SESSION_ID);
        return sessions.list(userId(jwt)).stream()
                .map(session -> SessionView.of(session, current))
                .toList();
    }

    @DeleteMapping("/{sessionId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String sessionId) {
        sessions.revoke(userId(jwt), sessionId);
        return ResponseEntity.noContent().build();
    }

    /** Revokes every session of the caller except the one whose access token made this request. */
    @DeleteMapping
    RevokedSessions revokeOthers(@AuthenticationPrincipal Jwt jwt) {
        return new RevokedSessions(sessions.revokeOthers(userId(jwt), jwt.getClaimAsString(AccessTokenClaims.SESSION_ID)));
    }

    private static UUID userId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    /**
     * One session in the caller's list.
     *
     * @param current true for the session of the access token that made the request
     */
    record SessionView(String id, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            @Nullable String userAgent, @Nullable String address, boolean current) {

        static SessionView of(SessionDetails session, String currentSessionId) {
            return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.absoluteExpiresAt(),
                    session.userAgent(), session.address(), session.id().equals(currentSessionId));
        }
    }

    /** How many sessions a bulk revocation ended. */
    record RevokedSessions(int revoked) {
    }
}
