/**
 * Test support that starts a real Gatehouse server in a child JVM, against the machine's PostgreSQL
 * and Redis, and calls its HTTP API.
 */
@NullMarked
package dev.gatehouse.testserver;

import org.jspecify.annotations.NullMarked;
