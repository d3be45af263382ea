/** Password sign-in, token refresh and sign-out. */
@NullMarked
package dev.gatehouse.authentication;

import org.jspecify.annotations.NullMarked;
