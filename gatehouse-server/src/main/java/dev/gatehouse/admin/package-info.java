/**
 * The admin API under {@code /admin} and the creation of the first administrator. Each route needs
 * one permission from {@link dev.gatehouse.authorization.Permissions}, enforced by the security
 * configuration rather than here.
 */
@NullMarked
package dev.gatehouse.admin;

import org.jspecify.annotations.NullMarked;
