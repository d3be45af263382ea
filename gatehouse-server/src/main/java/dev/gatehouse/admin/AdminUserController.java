package dev.gatehouse.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.gatehouse.account.Account;
import dev.gatehouse.account.AccountErrorCodes;
import dev.gatehouse.account.AccountService;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.UserGrants;
import dev.gatehouse.error.NotFoundException;
import dev.gatehouse.session.SessionService;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists users and manages their roles, direct permissions and sessions. A malformed user id in the
 * path is rejected with 400 {@code invalid_request}, and an unknown one with 404 {@code user_not_found}.
 */
@RestController
@RequestMapping("/admin/users")
class AdminUserController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(AdminUserController.class);

    private final AccountService accounts;
    private final AuthorizationService authorization;
    private final SessionService sessions;

    AdminUserController(AccountService accounts, AuthorizationService authorization, SessionService sessions) {
        this.accounts = accounts;
        this.authorization = authorization;
        this.sessions = sessions;
    }

    /**
     * Lists users oldest first, with their roles and direct permissions. Requires permission
     * {@code users:read}. A {@code limit} outside 1 to 200 or a negative {@code offset} is rejected
     * with 400 {@code invalid_request}.
     */
    @GetMapping
    UserPage listUsers(@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        List<Account> page = accounts.list(limit, offset);
        Map<UUID, UserGrants> grants = authorization.grantsOf(page.stream().map(Account::id).toList());

        List<UserSummary> users = page.stream()
                .map(account -> UserSummary.of(account, grants.get(account.id())))
                .toList();
        return new UserPage(users, limit, offset);
    }

    /**
     * Replaces all roles of the user in one transaction. Requires permission {@code roles:assign}.
     * An unknown role is rejected with 400 {@code unknown_role} and leaves the user's roles unchanged.
     */
    @PutMapping("/{id}/roles")
    UserGrantsResponse replaceRoles(@PathVariable UUID id, @Valid @RequestBody ReplaceRolesRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        UserGrants grants = authorization.replaceRolesAs(actorId(jwt), id, request.roles()).orElseThrow(() -> userNotFound(id));

        log.info("Admin {} set roles {} for user {}", jwt.getSubject(), grants.roles(), id);
        return UserGrantsResponse.of(id, grants);
    }

    /**
     * Replaces all permissions granted directly to the user in one transaction. Requires permission
     * {@code permissions:grant}. Permissions the user has through roles are not affected.
     */
    @PutMapping("/{id}/permissions")
    UserGrantsResponse replacePermissions(@PathVariable UUID id,
            @Valid @RequestBody ReplacePermissionsRequest request, @AuthenticationPrincipal Jwt jwt) {
        UserGrants grants = authorization.replacePermissionsAs(actorId(jwt), id, request.permissions())
                .orElseThrow(() -> userNotFound(id));

        log.info("Admin {} set direct permissions {} for user {}", jwt.getSubject(), grants.permissions(), id);
        return UserGrantsResponse.of(id, grants);
    }

    /**
     * Revokes every refresh session of the user, so the user has to sign in again once the current
     * access tokens expire. Requires permission {@code sessions:revoke}. Returns 200 with the number
     * of sessions revoked, which is 0 when the user had none.
     */
    @DeleteMapping("/{id}/sessions")
    RevokedSessions revokeSessions(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        if (accounts.findById(id).isEmpty()) {
            throw userNotFound(id);
        }

        int revoked = sessions.revokeAllForUser(id);
        log.info("Admin {} revoked {} sessions of user {}", jwt.getSubject(), revoked, id);
        return new RevokedSessions(revoked);
    }

    private static UUID actorId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    private static NotFoundException userNotFound(UUID id) {
        return new NotFoundException(AccountErrorCodes.USER_NOT_FOUND, "No user has the id " + id + ".");
    }

    /** Body that replaces a user's roles; an empty set removes them all. */
    record ReplaceRolesRequest(@NotNull @Nullable Set<@NotNull String> roles) {
    }

    /** Body that replaces a user's direct permissions; an empty set removes them all. */
    record ReplacePermissionsRequest(@NotNull @Nullable Set<@NotNull String> permissions) {
    }

    /** A user in the admin list; {@code permissions} are the direct grants, without those of the roles. */
    record UserSummary(UUID id, String email, Instant createdAt, Set<String> roles, Set<String> permissions) {

        static UserSummary of(Account account, UserGrants grants) {
            return new UserSummary(account.id(), account.email(), account.createdAt(), grants.roles(),
                    grants.permissions());
        }
    }

    record UserPage(List<UserSummary> users, int limit, long offset) {
    }

    /** A user's roles and direct permissions after a change. */
    record UserGrantsResponse(UUID id, Set<String> roles, Set<String> permissions) {

        static UserGrantsResponse of(UUID id, UserGrants grants) {
            return new UserGrantsResponse(id, grants.roles(), grants.permissions());
        }
    }

    record RevokedSessions(int revoked) {
    }
}
