/** Which endpoints need which authorities, and how bearer tokens are checked. */
@NullMarked
package dev.gatehouse.security;

import org.jspecify.annotations.NullMarked;
