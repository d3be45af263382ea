package dev.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counters of failed sign-ins in fixed windows, kept in the session store's backend (Redis, or memory in
 * embedded mode) so every instance sees the same counts. A window opens at a counter's first failure and
 * lasts the given length; after it the counter starts again from zero. Keys are chosen by the caller and
 * must not contain an email or password. Implementations throw {@link SessionStoreUnavailableException}
 * when the backend cannot be reached in time.
 */
public interface FailureCounters {

    /** Returns the open window of each key, in key order, or {@link Window#NONE} for a key without one. */
    List<Window> read(List<String> keys, Instant now);

    /**
     * Adds one failure to each key in one atomic step, opening a window of {@code length} at {@code now} for
     * a key without an open one, and returns the windows after the change, in key order.
     */
    List<Window> increment(List<String> keys, Instant now, Duration length);

    /** Deletes the counter of the key. */
    void reset(String key);

    /**
     * The failures counted in one open window.
     *
     * @param endsAt when the window closes and the count returns to zero
     */
    record Window(long count, Instant endsAt) {

        public static final Window NONE = new Window(0, Instant.EPOCH);
    }
}
