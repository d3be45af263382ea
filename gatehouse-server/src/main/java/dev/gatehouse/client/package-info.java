/** Registered OAuth clients: registration, secrets and client authentication. */
@NullMarked
package dev.gatehouse.client;

import org.jspecify.annotations.NullMarked;
