package dev.gatehouse.token;

import java.util.Set;
import java.util.UUID;

/**
 * Who an access token is for and what it carries.
 *
 * @param userId the {@code sub} claim
 * @param sessionId the {@code sid} claim
 * @param roles role names
 * @param permissions effective permissions
 */
public record AccessTokenSubject(UUID userId, String sessionId, Set<String> roles, Set<String> permissions) {

    public AccessTokenSubject {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }
}
