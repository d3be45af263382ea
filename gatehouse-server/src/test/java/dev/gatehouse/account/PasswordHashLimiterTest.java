package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PasswordHashLimiterTest {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);

    @Test
    void withPermitWhenNoneFreeThenUnavailable() throws Exception {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, SHORT_TIMEOUT);
        AtomicInteger runs = new AtomicInteger();

        HeldPermit.whileHeld(limiter, () -> {
            assertThatExceptionOfType(TooManyPasswordChecksException.class)
                    .isThrownBy(() -> limiter.withPermit(runs::incrementAndGet))
                    .satisfies(exception -> {
                        assertThat(exception.code()).isEqualTo("too_many_password_checks");
                        assertThat(exception.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(exception.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    });
        });

        assertThat(runs).hasValue(0);
    }

    @Test
    void withPermitWhenWaitingCallersAtLimitThenRejectedWithoutWaiting() throws Exception {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, 1, Duration.ofSeconds(30));

        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            HeldPermit.whileHeld(limiter, () -> {
                Future<String> waiter = executor.submit(() -> limiter.withPermit(() -> "waited"));
                awaitWaitingChecks(limiter, 1);

                long started = System.nanoTime();
                assertThatExceptionOfType(TooManyPasswordChecksException.class)
                        .isThrownBy(() -> limiter.withPermit(() -> "beyond the waiting limit"));
                // Without the waiting limit this call would wait the whole 30-second permit timeout.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(waiter).isNotDone();
            });
        }

        assertThat(limiter.waitingChecks()).isZero();
    }

    @Test
    void requireCapacityWhenPermitFreeThenPasses() {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, 0, SHORT_TIMEOUT);

        limiter.requireCapacity();

        assertThat(limiter.withPermit(() -> "ran")).isEqualTo("ran");
    }

    @Test
    void requireCapacityWhenRoomToWaitThenPasses() throws Exception {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, 1, SHORT_TIMEOUT);

        HeldPermit.whileHeld(limiter, limiter::requireCapacity);
    }

    @Test
    void requireCapacityWhenLineFullThenRejected() throws Exception {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, 1, Duration.ofSeconds(30));

        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            HeldPermit.whileHeld(limiter, () -> {
                Future<String> waiter = executor.submit(() -> limiter.withPermit(() -> "waited"));
                awaitWaitingChecks(limiter, 1);

                assertThatExceptionOfType(TooManyPasswordChecksException.class).isThrownBy(limiter::requireCapacity);
                assertThat(waiter).isNotDone();
            });
        }
    }

    @Test
    void withPermitWhenHolderReleasedThenRunsAgain() throws Exception {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, SHORT_TIMEOUT);

        HeldPermit.whileHeld(limiter, () -> {
            assertThatExceptionOfType(TooManyPasswordChecksException.class)
                    .isThrownBy(() -> limiter.withPermit(() -> "blocked"));
        });

        assertThat(limiter.withPermit(() -> "ran")).isEqualTo("ran");
    }

    @Test
    void withPermitWhenComputationThrowsThenPermitReleased() {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, SHORT_TIMEOUT);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatIllegalStateException().isThrownBy(() -> limiter.withPermit(() -> {
                throw new IllegalStateException("hashing failed");
            }));
        }

        assertThat(limiter.withPermit(() -> "ran")).isEqualTo("ran");
    }

    @Test
    void withPermitWhenInterruptedThenUnavailable() throws Exception {
        PasswordHashLimiter limiter = new PasswordHashLimiter(1, Duration.ofSeconds(10));

        HeldPermit.whileHeld(limiter, () -> {
            Thread.currentThread().interrupt();
            try {
                assertThatExceptionOfType(TooManyPasswordChecksException.class)
                        .isThrownBy(() -> limiter.withPermit(() -> "blocked"))
                        .withCauseInstanceOf(InterruptedException.class);
            } finally {
                assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
            }
        });
    }

    @Test
    void withPermitWhenConcurrentThenAtMostLimit() throws Exception {
        int limit = 2;
        int callers = 16;
        PasswordHashLimiter limiter = new PasswordHashLimiter(limit, Duration.ofSeconds(10));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return limiter.withPermit(() -> {
                        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        // Stays inside the permit long enough for the other callers to queue up.
                        busyWaitMillis(20);
                        return running.decrementAndGet();
                    });
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(maxRunning.get()).isLessThanOrEqualTo(limit);
        assertThat(running).hasValue(0);
    }

    @Test
    void constructorWhenLimitBelowOneThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashLimiter(0, SHORT_TIMEOUT));
    }

    @Test
    void constructorWhenWaitingLimitNegativeThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashLimiter(1, -1, SHORT_TIMEOUT));
    }

    private static void awaitWaitingChecks(PasswordHashLimiter limiter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.waitingChecks() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No caller started waiting within 10 seconds");
            }
            Thread.sleep(5);
        }
    }

    private static void busyWaitMillis(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
