package dev.gatehouse.benchmarks.jmh;

import java.util.Set;
import java.util.UUID;

import dev.gatehouse.token.AccessTokenSubject;

/** Access-token subjects of the size Gatehouse issues in practice. */
final class BenchmarkSubjects {

    private BenchmarkSubjects() {
    }

    /** A user with one role and three permissions, signed in without a client. */
    static AccessTokenSubject aliceWithOneRole() {
        return new AccessTokenSubject(UUID.randomUUID(), "alice@example.com", "AAAAAAAAAAAAAAAAAAAAAA", null,
                Set.of("admin"), Set.of("coffees:create", "coffees:read", "users:read"));
    }
}
