package dev.gatehouse.benchmarks.jmh;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.gatehouse.token.AccessTokenIssuer;
import dev.gatehouse.token.AccessTokenSubject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Issues access tokens with Gatehouse's own issuer bean, claims and signing included. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccessTokenIssueBenchmark {

    @Param({"ES256", "RS256", "HS256", "EdDSA"})
    public String algorithm;

    private RunningGatehouse gatehouse;
    private AccessTokenIssuer issuer;
    private AccessTokenSubject subject;

    @Setup
    public void start() throws IOException {
        gatehouse = RunningGatehouse.start(Map.of(
                "gatehouse.token.algorithm", algorithm,
                "gatehouse.token.hmac-secret", "benchmark-only-hmac-secret-of-at-least-32-bytes"));
        issuer = gatehouse.bean(AccessTokenIssuer.class);
        subject = BenchmarkSubjects.aliceWithOneRole();
    }

    @TearDown
    public void stop() throws IOException {
        gatehouse.close();
    }

    @Benchmark
    public String issue() {
        return issuer.issue(subject).value();
    }
}
