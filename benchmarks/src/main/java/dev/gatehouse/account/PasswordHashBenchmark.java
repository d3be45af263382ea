package dev.gatehouse.account;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.gatehouse.benchmarks.jmh.RunningGatehouse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Argon2id at the parameters Gatehouse uses, through its own {@link PasswordHasher} bean, on as many
 * threads as the machine has processors. The verification rate is the ceiling for password sign-ins,
 * which run one verification each. This class sits in the {@code account} package because the hasher
 * is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Threads.MAX)
public class PasswordHashBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private RunningGatehouse gatehouse;
    private PasswordHasher hasher;
    private String storedHash;

    @Setup
    public void start() throws IOException {
        // Each JMH thread holds one permit, so the limiter must allow them all.
        gatehouse = RunningGatehouse.start(Map.of("gatehouse.password.max-concurrent-hashes",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        hasher = gatehouse.bean(PasswordHasher.class);
        storedHash = hasher.hash(PASSWORD);
    }

    @TearDown
    public void stop() throws IOException {
        gatehouse.close();
    }

    @Benchmark
    public boolean verify() {
        return hasher.matches(PASSWORD, storedHash);
    }
}
