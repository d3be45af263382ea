/**
 * Roles, permissions and the authorities of each user. A user's effective permissions are the union
 * of the permissions of the user's roles and the permissions granted to the user directly.
 */
@NullMarked
package dev.gatehouse.authorization;

import org.jspecify.annotations.NullMarked;
