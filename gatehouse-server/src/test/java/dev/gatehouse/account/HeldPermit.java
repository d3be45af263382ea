package dev.gatehouse.account;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs test code while another thread holds one permit of a {@link PasswordHashLimiter}, so the test
 * can see what happens when no permit is free.
 */
final class HeldPermit {

    private static final long TIMEOUT_SECONDS = 10;

    /** Test code that may throw anything a test method may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private HeldPermit() {
    }

    /**
     * Takes one permit on another thread, runs the action, then returns the permit and waits until the
     * limiter has it back, whether or not the action threw.
     */
    static void whileHeld(PasswordHashLimiter limiter, Action action) throws Exception {
        CountDownLatch permitTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<Boolean> holder = executor.submit(() -> limiter.withPermit(() -> {
                permitTaken.countDown();
                return awaitQuietly(release);
            }));
            try {
                if (!permitTaken.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("No permit was free within " + TIMEOUT_SECONDS + " seconds");
                }
                action.run();
            } finally {
                release.countDown();
            }
            holder.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
