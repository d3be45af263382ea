package dev.gatehouse.authorization;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.gatehouse.error.ConflictException;
import dev.gatehouse.error.ForbiddenException;
import dev.gatehouse.error.InvalidRequestException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Manages roles and the roles and permissions granted to users, and computes a user's authorities. */
@Service
public class AuthorizationService {

    static final String ROLE_EXISTS = "role_exists";
    static final String UNKNOWN_ROLE = "unknown_role";
    static final String PERMISSION_NOT_HELD = "permission_not_held";

    private final AuthorizationRepository repository;
    private final Clock clock;

    AuthorizationService(AuthorizationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Returns the user's roles and effective permissions, read from the database on every call. A user
     * that does not exist has no grants, so the result is empty rather than an error.
     */
    public Authorities authoritiesOf(UUID userId) {
        return repository.authoritiesOf(userId);
    }

    /**
     * Returns the user's email, roles and effective permissions, read from the database in one statement
     * on every call, or empty when the user does not exist.
     */
    public Optional<UserAuthorities> userAuthoritiesOf(UUID userId) {
        return repository.userAuthoritiesOf(userId);
    }

    /** Returns the roles and direct permissions of each listed user, with empty grants for users without any. */
    @Transactional(readOnly = true)
    public Map<UUID, UserGrants> grantsOf(Collection<UUID> userIds) {
        Map<UUID, Set<String>> roles = repository.rolesOf(userIds);
        Map<UUID, Set<String>> permissions = repository.directPermissionsOf(userIds);

        Map<UUID, UserGrants> grants = new HashMap<>();
        for (UUID userId : userIds) {
            grants.put(userId, new UserGrants(roles.getOrDefault(userId, Set.of()),
                    permissions.getOrDefault(userId, Set.of())));
        }
        return grants;
    }

    /**
     * Creates a role with the given permissions without checking who made the request. The admin API
     * uses {@link #createRoleAs}.
     *
     * @throws InvalidRequestException {@code invalid_role_name} or {@code invalid_permission}
     * @throws ConflictException {@code role_exists} when a role of that name exists
     */
    @Transactional
    public Role createRole(String name, Set<String> permissions) {
        Permissions.requireValidRoleNames(Set.of(name));
        Permissions.requireValidPermissions(permissions);
        if (repository.roleExists(name)) {
            throw roleExists(name);
        }

        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            repository.insertRole(name, permissions, createdAt);
        } catch (DuplicateKeyException raced) {
            throw roleExists(name);
        }
        return new Role(name, permissions, createdAt);
    }

    /** Returns every role with its permissions, ordered by name. */
    @Transactional(readOnly = true)
    public List<Role> listRoles() {
        return repository.findRoles();
    }

    /**
     * Replaces all roles of a user in one transaction, so on any failure the user keeps the old roles.
     * It does not check who made the request, which suits the start-up bootstrap and tests; the admin
     * API uses {@link #replaceRolesAs}.
     *
     * @return the user's grants after the change, or empty when no such user exists
     * @throws InvalidRequestException {@code invalid_role_name} for a malformed name, {@code unknown_role}
     *     for a well-formed name that no role has
     */
    @Transactional
    public Optional<UserGrants> replaceRoles(UUID userId, Set<String> roleNames) {
        Permissions.requireValidRoleNames(roleNames);
        requireExistingRoles(roleNames);
        if (!repository.lockUser(userId)) {
            return Optional.empty();
        }

        repository.replaceUserRoles(userId, roleNames);
        return Optional.of(new UserGrants(roleNames, repository.directPermissionsOf(userId)));
    }

    /**
     * Replaces all permissions granted directly to a user in one transaction, without checking who made
     * the request; the admin API uses {@link #replacePermissionsAs}. Permissions that the user has
     * through roles are not affected.
     *
     * @return the user's grants after the change, or empty when no such user exists
     * @throws InvalidRequestException {@code invalid_permission}
     */
    @Transactional
    public Optional<UserGrants> replacePermissions(UUID userId, Set<String> permissions) {
        Permissions.requireValidPermissions(permissions);
        if (!repository.lockUser(userId)) {
            return Optional.empty();
        }

        repository.replaceUserPermissions(userId, permissions);
        return Optional.of(new UserGrants(repository.rolesOf(userId), permissions));
    }

    /**
     * Creates a role on behalf of an administrator, who must hold every Gatehouse admin permission the
     * role carries. Without this rule, {@code roles:write} alone could mint a role that carries
     * {@code roles:assign} and {@code permissions:grant}.
     *
     * @throws ForbiddenException {@code permission_not_held}
     */
    @Transactional
    public Role createRoleAs(UUID actorId, String name, Set<String> permissions) {
        requireHeldBy(actorId, permissions);
        return createRole(name, permissions);
    }

    /**
     * Replaces a user's roles on behalf of an administrator, who must hold every Gatehouse admin
     * permission of each role added or removed. So {@code roles:assign} alone cannot hand out
     * {@code admin}, to anyone including the caller, nor take it away from an administrator.
     *
     * @throws ForbiddenException {@code permission_not_held}
     */
    @Transactional
    public Optional<UserGrants> replaceRolesAs(UUID actorId, UUID userId, Set<String> roleNames) {
        if (!lockActorAndTarget(actorId, userId)) {
            return Optional.empty();
        }
        Set<String> changed = symmetricDifference(repository.rolesOf(userId), roleNames);
        Map<String, Set<String>> permissionsByRole = new HashMap<>();
        for (Role role : repository.findRoles()) {
            permissionsByRole.put(role.name(), role.permissions());
        }

        Set<String> affected = new TreeSet<>();
        for (String role : changed) {
            affected.addAll(permissionsByRole.getOrDefault(role, Set.of()));
        }
        requireHeldBy(actorId, affected);
        return replaceRoles(userId, roleNames);
    }

    /**
     * Replaces a user's direct permissions on behalf of an administrator, who must hold every
     * Gatehouse admin permission added or removed.
     *
     * @throws ForbiddenException {@code permission_not_held}
     */
    @Transactional
    public Optional<UserGrants> replacePermissionsAs(UUID actorId, UUID userId, Set<String> permissions) {
        if (!lockActorAndTarget(actorId, userId)) {
            return Optional.empty();
        }
        requireHeldBy(actorId, symmetricDifference(repository.directPermissionsOf(userId), permissions));
        return replacePermissions(userId, permissions);
    }

    /**
     * Locks the rows of both users, in id order so two changes never wait on each other, before their
     * grants are read. Otherwise a change could check grants that a concurrent change is replacing, and
     * then overwrite that change. Returns false when the target user does not exist.
     */
    private boolean lockActorAndTarget(UUID actorId, UUID userId) {
        if (actorId.equals(userId)) {
            return repository.lockUser(userId);
        }
        boolean actorFirst = actorId.compareTo(userId) < 0;
        boolean targetExists;
        if (actorFirst) {
            repository.lockUser(actorId);
            targetExists = repository.lockUser(userId);
        } else {
            targetExists = repository.lockUser(userId);
            repository.lockUser(actorId);
        }
        return targetExists;
    }

    /**
     * Rejects a change that would grant or revoke one of Gatehouse's own admin permissions that the
     * acting user does not hold. Permissions of other services, such as {@code coffees:create}, are
     * what {@code roles:assign} and {@code permissions:grant} exist to hand out, so they are not limited.
     */
    private void requireHeldBy(UUID actorId, Set<String> permissions) {
        Set<String> missing = new TreeSet<>(permissions);
        missing.retainAll(Permissions.ALL_ADMIN);
        if (missing.isEmpty()) {
            return;
        }
        missing.removeAll(repository.effectivePermissionsOf(actorId));
        if (!missing.isEmpty()) {
            throw new ForbiddenException(PERMISSION_NOT_HELD, "You can grant or revoke Gatehouse admin permissions only "
                    + "when you hold them yourself; you lack " + missing + ".");
        }
    }

    private static Set<String> symmetricDifference(Set<String> before, Set<String> after) {
        Set<String> changed = new TreeSet<>(before);
        changed.addAll(after);
        Set<String> kept = new TreeSet<>(before);
        kept.retainAll(after);
        changed.removeAll(kept);
        return changed;
    }

    private void requireExistingRoles(Set<String> roleNames) {
        Set<String> unknown = new TreeSet<>(roleNames);
        unknown.removeAll(repository.existingRoles(roleNames));
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(UNKNOWN_ROLE,
                    "No role is named " + unknown + ". Create it with POST /admin/roles first.");
        }
    }

    private static ConflictException roleExists(String name) {
        return new ConflictException(ROLE_EXISTS, "A role named '" + name + "' already exists.");
    }
}
