package dev.gatehouse.token;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who an access token is for and what it carries.
 *
 * @param userId the {@code sub} claim
 * @param email the {@code email} claim
 * @param sessionId the {@code sid} claim
 * @param clientId the {@code client_id} claim, or null when no OAuth client requested the token
 * @param roles role names
 * @param permissions effective permissions
 */
public record AccessTokenSubject(UUID userId, String email, String sessionId, @Nullable String clientId,
        Set<String> roles, Set<String> permissions) {

    public AccessTokenSubject {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }
}
