package dev.gatehouse.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on one thread each and releases them together, for race tests. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Submits every task, opens {@code gate} so the tasks that wait on it start at once, and returns
     * their results in task order. Each task gets at most 60 seconds.
     */
    public static <T> List<T> run(List<Callable<T>> tasks, CountDownLatch gate) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(task));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
