/** Access-token verification against the issuer's discovery document and JWK Set. */
@NullMarked
package dev.gatehouse.starter.token;

import org.jspecify.annotations.NullMarked;
