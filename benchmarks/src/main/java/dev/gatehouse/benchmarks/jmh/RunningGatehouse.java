package dev.gatehouse.benchmarks.jmh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.gatehouse.GatehouseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Gatehouse server inside the benchmark's JVM, on a free port of 127.0.0.1, so a benchmark calls
 * the same beans a request would. Accounts and keys go to an in-memory H2 database. Sessions go to the
 * real Redis on 127.0.0.1:6379 under a key prefix of their own, and GATEHOUSE_BENCH_REDIS_HOST and
 * GATEHOUSE_BENCH_REDIS_PORT override that address.
 */
public final class RunningGatehouse implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDirectory;

    private RunningGatehouse(ConfigurableApplicationContext context, Path dataDirectory) {
        this.context = context;
        this.dataDirectory = dataDirectory;
    }

    /** Starts Gatehouse with the given {@code gatehouse.*} or Spring properties on top of the benchmark defaults. */
    public static RunningGatehouse start(Map<String, String> overrides) throws IOException {
        Path dataDirectory = Files.createTempDirectory("gatehouse-jmh");
        String name = "jmh" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", Integer.toString(port));
        // The starter checks that iss equals the issuer it discovers, so tokens must name this very address.
        properties.put("gatehouse.issuer", "http://127.0.0.1:" + port);
        properties.put("spring.datasource.url",
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("spring.data.redis.host", env("GATEHOUSE_BENCH_REDIS_HOST", "127.0.0.1"));
        properties.put("spring.data.redis.port", env("GATEHOUSE_BENCH_REDIS_PORT", "6379"));
        properties.put("gatehouse.session.redis-key-prefix", "gatehouse-jmh:" + name + ":");
        properties.put("gatehouse.data-directory", dataDirectory.toString());
        properties.put("gatehouse.keys.encryption-secret", "benchmark-only-key-encryption-secret-" + name);
        properties.put("logging.level.root", "WARN");
        properties.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class)
                .properties(properties)
                .run();
        return new RunningGatehouse(context, dataDirectory);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Base URL of the running server and the issuer of its tokens, such as {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return context.getEnvironment().getRequiredProperty("gatehouse.issuer");
    }

    @Override
    public void close() throws IOException {
        context.close();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
