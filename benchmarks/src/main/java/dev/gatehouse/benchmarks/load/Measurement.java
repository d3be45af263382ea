package dev.gatehouse.benchmarks.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies and error counts of the measured phase; the warm-up phase records nothing. */
final class Measurement {

    static final String ALL = "all";
    private static final long MAX_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile boolean recording;

    void start() {
        recording = true;
    }

    void stop() {
        recording = false;
    }

    void recordSuccess(String operation, long micros) {
        if (!recording) {
            return;
        }
        long bounded = Math.min(Math.max(micros, 1), MAX_TRACKABLE_MICROS);
        histogram(operation).recordValue(bounded);
        histogram(ALL).recordValue(bounded);
    }

    /**
     * Counts a failed request under "operation outcome", such as "sign-in 503", and records its latency
     * under the same name, apart from the successful requests.
     */
    void recordError(String operation, String outcome, long micros) {
        if (!recording) {
            return;
        }
        String name = operation + " " + outcome;
        errors.computeIfAbsent(name, key -> new LongAdder()).increment();
        histogram(name).recordValue(Math.min(Math.max(micros, 1), MAX_TRACKABLE_MICROS));
    }

    long requests() {
        return successes() + errorCount();
    }

    long successes() {
        Histogram all = latencies.get(ALL);
        return all == null ? 0 : all.getTotalCount();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errorsByOperation() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    Map<String, Histogram> latencies() {
        return new TreeMap<>(latencies);
    }

    private Histogram histogram(String operation) {
        return latencies.computeIfAbsent(operation, name -> new ConcurrentHistogram(MAX_TRACKABLE_MICROS, 3));
    }
}
