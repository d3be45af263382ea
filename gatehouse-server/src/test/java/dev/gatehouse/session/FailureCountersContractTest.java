package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.session.FailureCounters.Window;

/** The behaviour every {@link FailureCounters} must have; the Redis and the in-memory counters run these tests. */
abstract class FailureCountersContractTest {

    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Whole milliseconds, because Redis stores epoch milliseconds. */
    final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final String key = "test:" + UUID.randomUUID();
    final String otherKey = "test:" + UUID.randomUUID();

    abstract FailureCounters counters();

    @Test
    void readWhenNoFailureThenNone() {
        assertThat(counters().read(List.of(key), start)).containsExactly(Window.NONE);
    }

    @Test
    void incrementWhenFirstFailureThenWindowOpensNow() {
        List<Window> windows = counters().increment(List.of(key), start, WINDOW);

        assertThat(windows).containsExactly(new Window(1, start.plus(WINDOW)));
        assertThat(counters().read(List.of(key), start)).containsExactly(new Window(1, start.plus(WINDOW)));
    }

    @Test
    void incrementWhenWindowOpenThenCountsUpAndKeepsEnd() {
        counters().increment(List.of(key), start, WINDOW);

        List<Window> windows = counters().increment(List.of(key), start.plus(Duration.ofMinutes(10)), WINDOW);

        assertThat(windows).containsExactly(new Window(2, start.plus(WINDOW)));
    }

    @Test
    void incrementWhenSeveralKeysThenEachCountedInKeyOrder() {
        counters().increment(List.of(key), start, WINDOW);

        List<Window> windows = counters().increment(List.of(key, otherKey), start.plusSeconds(1), WINDOW);

        assertThat(windows).containsExactly(new Window(2, start.plus(WINDOW)),
                new Window(1, start.plusSeconds(1).plus(WINDOW)));
    }

    @Test
    void readWhenWindowEndedThenNone() {
        counters().increment(List.of(key), start, WINDOW);

        assertThat(counters().read(List.of(key), start.plus(WINDOW).minusMillis(1)))
                .containsExactly(new Window(1, start.plus(WINDOW)));
        assertThat(counters().read(List.of(key), start.plus(WINDOW))).containsExactly(Window.NONE);
    }

    @Test
    void incrementWhenWindowEndedThenNewWindowFromOne() {
        counters().increment(List.of(key), start, WINDOW);
        counters().increment(List.of(key), start, WINDOW);
        Instant later = start.plus(WINDOW).plusSeconds(1);

        List<Window> windows = counters().increment(List.of(key), later, WINDOW);

        assertThat(windows).containsExactly(new Window(1, later.plus(WINDOW)));
    }

    @Test
    void resetWhenCountedThenNone() {
        counters().increment(List.of(key, otherKey), start, WINDOW);

        counters().reset(key);

        assertThat(counters().read(List.of(key, otherKey), start))
                .containsExactly(Window.NONE, new Window(1, start.plus(WINDOW)));
    }
}
