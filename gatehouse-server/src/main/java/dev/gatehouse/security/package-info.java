/** Access rules of each endpoint, and the checks of bearer access tokens. */
@NullMarked
package dev.gatehouse.security;

import org.jspecify.annotations.NullMarked;
