/** Sessions and refresh tokens: rotation, reuse detection, revocation and the session stores. */
@NullMarked
package dev.gatehouse.session;

import org.jspecify.annotations.NullMarked;
