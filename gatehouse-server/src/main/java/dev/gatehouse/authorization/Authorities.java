package dev.gatehouse.authorization;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles of a user and the user's effective permissions: those of the roles together with the
 * ones granted directly. Both sets are immutable and iterate in natural (alphabetical) order.
 */
public record Authorities(Set<String> roles, Set<String> permissions) {

    public Authorities {
        roles = sortedCopy(roles);
        permissions = sortedCopy(permissions);
    }

    static Set<String> sortedCopy(Set<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
