package dev.gatehouse.account;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.gatehouse.authorization.Authorities;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.error.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account, identified by the {@code sub} claim of the access token. */
@RestController
class CurrentUserController {

    private final AccountService accounts;
    private final AuthorizationService authorization;

    CurrentUserController(AccountService accounts, AuthorizationService authorization) {
        this.accounts = accounts;
        this.authorization = authorization;
    }

    /**
     * Returns the user's email, roles and effective permissions as stored now, which may differ from
     * the claims of the access token if they changed after it was issued.
     */
    @GetMapping("/users/me")
    CurrentUserResponse currentUser(@AuthenticationPrincipal Jwt jwt) {
        Account account = parseUserId(jwt.getSubject())
                .flatMap(accounts::findById)
                .orElseThrow(() -> new NotFoundException(AccountErrorCodes.USER_NOT_FOUND,
                        "The user of this access token no longer exists."));

        Authorities authorities = authorization.authoritiesOf(account.id());
        return new CurrentUserResponse(account.id(), account.email(), authorities.roles(), authorities.permissions());
    }

    /** Returns empty for a missing subject or one that is not a UUID, which no Gatehouse user has. */
    private static Optional<UUID> parseUserId(@Nullable String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    /** The signed-in user, with roles and effective permissions in alphabetical order. */
    record CurrentUserResponse(UUID id, String email, Set<String> roles, Set<String> permissions) {
    }
}
