package dev.gatehouse.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many Argon2id computations (hashes and verifications) run at once. Each one fills
 * 19 MiB (19,456 KiB) of heap and keeps one CPU core busy for its whole run, so without a bound a
 * burst of sign-ins exhausts the heap and the CPUs. With this limiter the Argon2id memory in use at
 * any time is at most {@code maxConcurrentHashes × 19 MiB} of live blocks, plus object overhead.
 *
 * <p>The bound is the property {@code gatehouse.password.max-concurrent-hashes}, by default the
 * number of processors available to the JVM. A caller waits for a permit for at most
 * {@link #PERMIT_TIMEOUT} and then gets {@link TooManyPasswordChecksException}, which becomes a 503
 * response with {@code Retry-After}. At most {@code gatehouse.password.max-waiting-checks} callers
 * wait at once (by default {@value #WAITING_PER_PERMIT} per permit); a caller beyond them gets the
 * same exception at once, so a flood of sign-ins gets its responses quickly instead of holding a request
 * thread each. Callers must not hold a database connection while they wait, so
 * they must not call this inside a transaction.
 */
@Component
final class PasswordHashLimiter {

    static final Duration PERMIT_TIMEOUT = Duration.ofSeconds(2);
    static final int WAITING_PER_PERMIT = 8;

    private final int maxConcurrentHashes;
    private final int maxWaitingChecks;
    private final Semaphore permits;
    private final Duration permitTimeout;
    private final AtomicInteger waitingChecks = new AtomicInteger();
    private final AtomicLong completedChecks = new AtomicLong();

    /**
     * Takes both bounds from properties. An unset one (read as -1) gets its default, computed here rather
     * than in a SpEL expression, because the context's first expression costs start-up time.
     */
    @Autowired
    PasswordHashLimiter(@Value("${gatehouse.password.max-concurrent-hashes:-1}") int maxConcurrentHashes,
            @Value("${gatehouse.password.max-waiting-checks:-1}") int maxWaitingChecks) {
        this(permitsOrDefault(maxConcurrentHashes), maxWaitingChecks < 0
                ? permitsOrDefault(maxConcurrentHashes) * WAITING_PER_PERMIT
                : maxWaitingChecks, PERMIT_TIMEOUT);
    }

    PasswordHashLimiter(int maxConcurrentHashes, Duration permitTimeout) {
        this(maxConcurrentHashes, maxConcurrentHashes * WAITING_PER_PERMIT, permitTimeout);
    }

    PasswordHashLimiter(int maxConcurrentHashes, int maxWaitingChecks, Duration permitTimeout) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("gatehouse.password.max-concurrent-hashes must be at least 1, but is "
                    + maxConcurrentHashes);
        }
        if (maxWaitingChecks < 0) {
            throw new IllegalArgumentException("gatehouse.password.max-waiting-checks must be at least 0, but is "
                    + maxWaitingChecks);
        }
        this.maxConcurrentHashes = maxConcurrentHashes;
        this.maxWaitingChecks = maxWaitingChecks;
        // Fair, so waiting requests get permits in arrival order and a new arrival never takes a permit
        // ahead of one that is already waiting.
        this.permits = new Semaphore(maxConcurrentHashes, true);
        this.permitTimeout = permitTimeout;
    }

    int maxConcurrentHashes() {
        return maxConcurrentHashes;
    }

    /** Number of callers waiting for a permit now. */
    int waitingChecks() {
        return waitingChecks.get();
    }

    /** Number of hashes and verifications run to completion since start-up. */
    long completedChecks() {
        return completedChecks.get();
    }

    /**
     * Throws at once when every permit is taken and the waiting line is full, so a request that would be
     * rejected anyway does no database work first. Under a flood of sign-ins the excess then gets its 503
     * without queueing for a database connection. The check reads the state once: a caller that passes it
     * can still be rejected by {@link #withPermit}.
     *
     * @throws TooManyPasswordChecksException when no permit is free and no more callers may wait
     */
    void requireCapacity() {
        if (permits.availablePermits() == 0 && waitingChecks.get() >= maxWaitingChecks) {
            throw new TooManyPasswordChecksException();
        }
    }

    /**
     * Runs the computation while holding one permit, and releases the permit when the computation
     * returns or throws. The computation must not call this method again, or it would wait for a
     * second permit while holding the first.
     *
     * @throws TooManyPasswordChecksException when no permit frees up within the timeout, or the
     *         waiting thread is interrupted
     */
    <T> T withPermit(Supplier<T> computation) {
        acquire();
        try {
            T result = computation.get();
            completedChecks.incrementAndGet();
            return result;
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        // A timed tryAcquire keeps the semaphore's arrival order, which the untimed one would skip.
        if (tryAcquire(Duration.ZERO)) {
            return;
        }
        if (waitingChecks.incrementAndGet() > maxWaitingChecks) {
            waitingChecks.decrementAndGet();
            throw new TooManyPasswordChecksException();
        }
        try {
            if (!tryAcquire(permitTimeout)) {
                throw new TooManyPasswordChecksException();
            }
        } finally {
            waitingChecks.decrementAndGet();
        }
    }

    private boolean tryAcquire(Duration timeout) {
        try {
            return permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TooManyPasswordChecksException(interrupted);
        }
    }

    private static int permitsOrDefault(int maxConcurrentHashes) {
        return maxConcurrentHashes == -1 ? Runtime.getRuntime().availableProcessors() : maxConcurrentHashes;
    }
}
