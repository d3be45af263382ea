/** HTTP load generator that drives Gatehouse and Keycloak with the same workloads and records what each costs. */
@NullMarked
package dev.gatehouse.benchmarks.load;

import org.jspecify.annotations.NullMarked;
