/** JMH benchmarks of the operations every sign-in, refresh and authenticated request pays for. */
@NullMarked
package dev.gatehouse.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
