package dev.gatehouse.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the tables of roles, role permissions, user roles and user permissions. */
@Repository
class AuthorizationRepository {

    private final JdbcClient jdbc;

    AuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> rolesOf(UUID userId) {
        return new HashSet<>(jdbc.sql("select role_name from user_roles where user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .list());
    }

    Set<String> directPermissionsOf(UUID userId) {
        return new HashSet<>(jdbc.sql("select permission from user_permissions where user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .list());
    }

    Set<String> effectivePermissionsOf(UUID userId) {
        return new HashSet<>(jdbc.sql("""
                        select permission from user_permissions where user_id = :userId
                        union
                        select rp.permission
                          from role_permissions rp
                          join user_roles ur on ur.role_name = rp.role_name
                         where ur.user_id = :userId
                        """)
                .param("userId", userId)
                .query(String.class)
                .list());
    }

    /**
     * Reads the user's roles and effective permissions in one statement, so both sets come from the same
     * snapshot. A user that does not exist has none.
     */
    Authorities authoritiesOf(UUID userId) {
        return userAuthoritiesOf(userId)
                .map(UserAuthorities::authorities)
                .orElseGet(() -> new Authorities(Set.of(), Set.of()));
    }

    /**
     * Reads the user's email, roles and effective permissions in one statement, which is what each
     * token refresh needs, so a refresh costs one database round trip. Returns empty when no such user
     * exists.
     */
    Optional<UserAuthorities> userAuthoritiesOf(UUID userId) {
        List<String> emails = new ArrayList<>(1);
        Set<String> roles = new HashSet<>();
        Set<String> permissions = new HashSet<>();
        jdbc.sql("""
                        select 'email' as kind, email as granted from users where id = :userId
                        union all
                        select 'role', role_name from user_roles where user_id = :userId
                        union all
                        select 'permission', permission from user_permissions where user_id = :userId
                        union all
                        select 'permission', rp.permission
                          from role_permissions rp
                          join user_roles ur on ur.role_name = rp.role_name
                         where ur.user_id = :userId
                        """)
                .param("userId", userId)
                .query(row -> {
                    String granted = row.getString("granted");
                    switch (row.getString("kind")) {
                        case "email" -> emails.add(granted);
                        case "role" -> roles.add(granted);
                        default -> permissions.add(granted);
                    }
                });
        if (emails.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UserAuthorities(emails.getFirst(), new Authorities(roles, permissions)));
    }

    /** Returns the roles of each listed user that has at least one. */
    Map<UUID, Set<String>> rolesOf(Collection<UUID> userIds) {
        return groupByUser("select user_id, role_name as granted from user_roles where user_id in (:userIds)", userIds);
    }

    /** Returns the direct permissions of each listed user that has at least one. */
    Map<UUID, Set<String>> directPermissionsOf(Collection<UUID> userIds) {
        return groupByUser("select user_id, permission as granted from user_permissions where user_id in (:userIds)",
                userIds);
    }

    /**
     * Locks the user's row until the transaction ends, so that concurrent replacements of the same
     * user's grants run one after the other. Returns false when no such user exists.
     */
    boolean lockUser(UUID userId) {
        return jdbc.sql("select id from users where id = :userId for update")
                .param("userId", userId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    boolean roleExists(String name) {
        return jdbc.sql("select count(*) from roles where name = :name")
                .param("name", name)
                .query(Long.class)
                .single() > 0;
    }

    /** Returns those of the given role names that exist. */
    Set<String> existingRoles(Collection<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select name from roles where name in (:names)")
                .param("names", names)
                .query(String.class)
                .list());
    }

    void insertRole(String name, Set<String> permissions, Instant createdAt) {
        jdbc.sql("insert into roles (name, created_at) values (:name, :createdAt)")
                .param("name", name)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .update();
        for (String permission : permissions) {
            jdbc.sql("insert into role_permissions (role_name, permission) values (:name, :permission)")
                    .param("name", name)
                    .param("permission", permission)
                    .update();
        }
    }

    /** Returns every role with its permissions, ordered by name. */
    List<Role> findRoles() {
        Map<String, Set<String>> permissionsByRole = new HashMap<>();
        jdbc.sql("select role_name, permission from role_permissions")
                .query((ResultSet row) -> {
                    permissionsByRole.computeIfAbsent(row.getString("role_name"), name -> new HashSet<>())
                            .add(row.getString("permission"));
                });
        return jdbc.sql("select name, created_at from roles order by name")
                .query((row, rowNumber) -> new Role(row.getString("name"),
                        permissionsByRole.getOrDefault(row.getString("name"), Set.of()),
                        instant(row, "created_at")))
                .list();
    }

    void replaceUserRoles(UUID userId, Set<String> roleNames) {
        jdbc.sql("delete from user_roles where user_id = :userId").param("userId", userId).update();
        for (String roleName : roleNames) {
            jdbc.sql("insert into user_roles (user_id, role_name) values (:userId, :roleName)")
                    .param("userId", userId)
                    .param("roleName", roleName)
                    .update();
        }
    }

    void replaceUserPermissions(UUID userId, Set<String> permissions) {
        jdbc.sql("delete from user_permissions where user_id = :userId").param("userId", userId).update();
        for (String permission : permissions) {
            jdbc.sql("insert into user_permissions (user_id, permission) values (:userId, :permission)")
                    .param("userId", userId)
                    .param("permission", permission)
                    .update();
        }
    }

    private Map<UUID, Set<String>> groupByUser(String sql, Collection<UUID> userIds) {
        Map<UUID, Set<String>> valuesByUser = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return valuesByUser;
        }
        jdbc.sql(sql)
                .param("userIds", userIds)
                .query((ResultSet row) -> {
                    valuesByUser.computeIfAbsent(row.getObject("user_id", UUID.class), id -> new HashSet<>())
                            .add(row.getString("granted"));
                });
        return valuesByUser;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
