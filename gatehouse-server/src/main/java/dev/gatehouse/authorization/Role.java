package dev.gatehouse.authorization;

import java.time.Instant;
import java.util.Set;

/** A named set of permissions that can be assigned to users. The permission set is immutable and sorted. */
public record Role(String name, Set<String> permissions, Instant createdAt) {

    public Role {
        permissions = Authorities.sortedCopy(permissions);
    }
}
