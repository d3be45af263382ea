package dev.gatehouse.benchmarks.jmh;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.gatehouse.starter.GatehouseProperties;
import dev.gatehouse.starter.token.GatehouseJwtDecoder;
import dev.gatehouse.starter.token.IssuerHttpClient;
import dev.gatehouse.starter.token.IssuerMetadataResolver;
import dev.gatehouse.token.AccessTokenIssuer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Verifies a Gatehouse access token with the starter's decoder, after it has fetched the discovery
 * document and the JWKS from the running server once, as a resource service does for every request.
 * The revocation check is off here, because it is only a lookup in a concurrent map. The starter accepts asymmetric
 * algorithms only, so HS256 has no figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StarterVerificationBenchmark {

    @Param({"ES256", "RS256", "EdDSA"})
    public String algorithm;

    private RunningGatehouse gatehouse;
    private IssuerHttpClient httpClient;
    private GatehouseJwtDecoder decoder;
    private String token;

    @Setup
    public void start() throws IOException {
        gatehouse = RunningGatehouse.start(Map.of("gatehouse.token.algorithm", algorithm));
        token = gatehouse.bean(AccessTokenIssuer.class).issue(BenchmarkSubjects.aliceWithOneRole()).value();
        URI issuerUri = URI.create(gatehouse.baseUrl());
        GatehouseProperties properties = new GatehouseProperties(issuerUri, "gatehouse", Duration.ofSeconds(30),
                new GatehouseProperties.Revocation(false, Duration.ofSeconds(1), Duration.ofSeconds(10)),
                new GatehouseProperties.Jwks(Duration.ofMinutes(5)), List.of());
        httpClient = new IssuerHttpClient();
        decoder = new GatehouseJwtDecoder(new IssuerMetadataResolver(issuerUri, httpClient), httpClient, properties,
                Clock.systemUTC());
        decoder.decode(token);
    }

    @TearDown
    public void stop() throws Exception {
        decoder.destroy();
        httpClient.destroy();
        gatehouse.close();
    }

    @Benchmark
    public Jwt verify() {
        return decoder.decode(token);
    }
}
