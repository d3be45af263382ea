package dev.gatehouse.authorization;

import java.util.Set;

/**
 * Grants of one user: the roles assigned and the permissions granted directly, without the
 * permissions that come from the roles. Both sets are immutable and sorted.
 */
public record UserGrants(Set<String> roles, Set<String> permissions) {

    public UserGrants {
        roles = Authorities.sortedCopy(roles);
        permissions = Authorities.sortedCopy(permissions);
    }
}
