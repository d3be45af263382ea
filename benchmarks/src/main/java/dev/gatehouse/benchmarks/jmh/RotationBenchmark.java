package dev.gatehouse.benchmarks.jmh;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.gatehouse.session.ClientInfo;
import dev.gatehouse.session.SessionService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One refresh-token rotation through {@link SessionService} against the real Redis: parsing and hashing
 * the presented token, deriving its successor, and the atomic rotation script. Each benchmark thread
 * follows its own token chain, as one client does.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RotationBenchmark {

    private RunningGatehouse gatehouse;
    private SessionService sessions;

    @Setup
    public void start() throws IOException {
        gatehouse = RunningGatehouse.start(Map.of());
        sessions = gatehouse.bean(SessionService.class);
    }

    @TearDown
    public void stop() throws IOException {
        gatehouse.close();
    }

    /** The refresh token at the head of one thread's chain. */
    @State(Scope.Thread)
    public static class Chain {

        String refreshToken;

        @Setup
        public void signIn(RotationBenchmark benchmark) {
            refreshToken = benchmark.sessions.start(UUID.randomUUID(), new ClientInfo("jmh", "127.0.0.1")).refreshToken();
        }
    }

    @Benchmark
    public String rotate(Chain chain) {
        chain.refreshToken = sessions.refresh(chain.refreshToken, null).refreshToken();
        return chain.refreshToken;
    }
}
