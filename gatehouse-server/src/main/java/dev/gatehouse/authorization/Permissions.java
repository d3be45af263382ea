package dev.gatehouse.authorization;

import java.util.Set;
import java.util.regex.Pattern;

import dev.gatehouse.error.InvalidRequestException;

/**
 * Permission and role names that Gatehouse itself checks, and the rules every permission and role
 * name must follow. Spring Security authorities carry the permission string unchanged (authority
 * {@code users:read}) and the role name with the {@code ROLE_} prefix (authority {@code ROLE_admin}).
 */
public final class Permissions {

    public static final String USERS_READ = "users:read";
    public static final String ROLES_READ = "roles:read";
    public static final String ROLES_WRITE = "roles:write";
    public static final String ROLES_ASSIGN = "roles:assign";
    public static final String PERMISSIONS_GRANT = "permissions:grant";
    public static final String SESSIONS_REVOKE = "sessions:revoke";
    public static final String CLIENTS_READ = "clients:read";
    public static final String CLIENTS_WRITE = "clients:write";

    /** The role that the database migration creates with every permission in {@link #ALL_ADMIN}. */
    public static final String ADMIN_ROLE = "admin";

    /** The permissions that guard the admin API, all held by {@link #ADMIN_ROLE}. */
    public static final Set<String> ALL_ADMIN = Set.of(USERS_READ, ROLES_READ, ROLES_WRITE, ROLES_ASSIGN,
            PERMISSIONS_GRANT, SESSIONS_REVOKE, CLIENTS_READ, CLIENTS_WRITE);

    /**
     * A permission is {@code resource:action}. Each part starts with a lower-case ASCII letter,
     * followed by lower-case letters, digits, {@code -} or {@code _}. Wildcards such as
     * {@code users:*} are rejected because authorities are compared as exact strings, so a wildcard
     * would grant nothing while looking as if it granted everything.
     */
    public static final Pattern PERMISSION_PATTERN = Pattern.compile("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*");

    /** Maximum length of a permission, the width of the {@code permission} columns. */
    public static final int MAX_PERMISSION_LENGTH = 100;

    /**
     * A role name starts with a lower-case ASCII letter, followed by lower-case letters, digits,
     * {@code -} or {@code _}.
     */
    public static final Pattern ROLE_NAME_PATTERN = Pattern.compile("[a-z][a-z0-9_-]*");

    /** Maximum length of a role name, the width of the {@code role_name} columns. */
    public static final int MAX_ROLE_NAME_LENGTH = 64;

    static final String INVALID_PERMISSION = "invalid_permission";
    static final String INVALID_ROLE_NAME = "invalid_role_name";

    private Permissions() {
    }

    /** Throws {@code invalid_permission} unless every permission matches {@link #PERMISSION_PATTERN}. */
    static void requireValidPermissions(Set<String> permissions) {
        for (String permission : permissions) {
            if (!isValid(permission, PERMISSION_PATTERN, MAX_PERMISSION_LENGTH)) {
                throw new InvalidRequestException(INVALID_PERMISSION, "Permission "
                        + quote(permission, MAX_PERMISSION_LENGTH) + " is invalid: use resource:action, each part"
                        + " a lower-case letter followed by lower-case letters, digits, '-' or '_', at most "
                        + MAX_PERMISSION_LENGTH + " characters in all.");
            }
        }
    }

    /** Throws {@code invalid_role_name} unless every name matches {@link #ROLE_NAME_PATTERN}. */
    static void requireValidRoleNames(Set<String> roleNames) {
        for (String roleName : roleNames) {
            if (!isValid(roleName, ROLE_NAME_PATTERN, MAX_ROLE_NAME_LENGTH)) {
                throw new InvalidRequestException(INVALID_ROLE_NAME, "Role name "
                        + quote(roleName, MAX_ROLE_NAME_LENGTH) + " is invalid: use a lower-case letter followed"
                        + " by lower-case letters, digits, '-' or '_', at most " + MAX_ROLE_NAME_LENGTH
                        + " characters.");
            }
        }
    }

    private static boolean isValid(String name, Pattern pattern, int maxLength) {
        return name.length() <= maxLength && pattern.matcher(name).matches();
    }

    /** Quotes a rejected value for an error message, leaving out values too long to be useful there. */
    private static String quote(String value, int maxLength) {
        return value.length() <= maxLength ? "'" + value + "'" : "of " + value.length() + " characters";
    }
}
