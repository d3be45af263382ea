package dev.gatehouse.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Failure counters in this process's memory, for the embedded single-instance mode. Windows are decided at
 * the injected clock's time, as in {@link RedisFailureCounters}; closed windows are removed when touched
 * and by a sweep every minute. Counts do not survive a restart.
 */
class InMemoryFailureCounters implements FailureCounters {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryFailureCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Window> read(List<String> keys, Instant now) {
        return keys.stream().map(key -> openWindow(windows.get(key), now)).toList();
    }

    /** Increments each key atomically on its own; unlike the Redis script, not all keys in one step. */
    @Override
    public List<Window> increment(List<String> keys, Instant now, Duration length) {
        return keys.stream()
                .map(key -> windows.compute(key, (unused, window) -> window == null || !now.isBefore(window.endsAt())
                        ? new Window(1, now.plus(length))
                        : new Window(window.count() + 1, window.endsAt())))
                .toList();
    }

    @Override
    public void reset(String key) {
        windows.remove(key);
    }

    /** Drops closed windows so memory stays bounded by the open ones. */
    @Scheduled(fixedDelayString = "PT1M")
    void removeClosed() {
        Instant now = clock.instant();
        windows.values().removeIf(window -> !now.isBefore(window.endsAt()));
    }

    int size() {
        return windows.size();
    }

    private static Window openWindow(Window window, Instant now) {
        return window == null || !now.isBefore(window.endsAt()) ? Window.NONE : window;
    }
}
