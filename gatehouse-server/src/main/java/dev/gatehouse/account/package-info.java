/** User accounts: sign-up, password verification and the signed-in user's own profile. */
@NullMarked
package dev.gatehouse.account;

import org.jspecify.annotations.NullMarked;
