package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gatehouse.support.MutableClock;

class InMemoryFailureCountersTest extends FailureCountersContractTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryFailureCounters counters = new InMemoryFailureCounters(clock);

    @Override
    FailureCounters counters() {
        return counters;
    }

    @Test
    void removeClosedWhenWindowsEndedThenMemoryIsFreed() {
        counters.increment(List.of(key, otherKey), clock.instant(), WINDOW);
        clock.advance(WINDOW);

        counters.removeClosed();

        assertThat(counters.size()).isZero();
    }
}
