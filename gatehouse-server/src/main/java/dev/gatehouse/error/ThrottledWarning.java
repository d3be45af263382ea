package dev.gatehouse.error;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs a WARN line per error code at most once per interval, with the number of repeats it left out,
 * so an outage or an overload that fails every request does not flood the log.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    public void warn(String code, String detail) {
        Window window = windows.computeIfAbsent(code, key -> new Window());
        long now = System.nanoTime();
        long last = window.lastLogged.get();
        if (last != 0 && now - last < intervalNanos || !window.lastLogged.compareAndSet(last, now)) {
            window.suppressed.incrementAndGet();
            return;
        }
        long suppressed = window.suppressed.getAndSet(0);
        log.warn("Returned 503 {}: {} ({} more in the last interval not logged)", code, detail, suppressed);
    }

    private static final class Window {
        private final AtomicLong lastLogged = new AtomicLong();
        private final AtomicLong suppressed = new AtomicLong();
    }
}
