/** Access tokens: signing, verification and the public JWK Set. */
@NullMarked
package dev.gatehouse.token;

import org.jspecify.annotations.NullMarked;
