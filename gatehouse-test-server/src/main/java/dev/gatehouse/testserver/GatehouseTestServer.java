package dev.gatehouse.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Gatehouse server in a child JVM, for the tests of services that use Gatehouse.
 *
 * <p>{@link #start()} launches {@code dev.gatehouse.GatehouseApplication} with the same {@code java}
 * binary as the current JVM, on a free port of 127.0.0.1, and returns once {@code /actuator/health}
 * returns 200. Each launch gets its own PostgreSQL schema in database {@code gatehouse_test}, its own
 * Redis key prefix, its own data directory under {@code target/}, and a first administrator
 * ({@link #adminEmail()}). The server's output goes to {@code target/gatehouse-server-<n>.log}.
 *
 * <p>{@link #close()} stops the child by its process id: a normal termination first, a forced one
 * after 10 seconds. Then it drops the schema and deletes the Redis keys under the launch's prefix. A
 * shutdown hook does the same when the JVM exits. The child also exits on its own when the parent's
 * pipe to its standard input closes, so it ends even when the parent is killed, but then nothing
 * cleans up its schema and keys.
 *
 * <p>PostgreSQL and Redis are read from the same {@code GATEHOUSE_TEST_POSTGRES_*} and
 * {@code GATEHOUSE_TEST_REDIS_*} environment variables as gatehouse-server's own tests.
 */
public final class GatehouseTestServer implements AutoCloseable {

    /**
     * Maximum wait for the first healthy response. Start-up took about 15 s on a two-core machine
     * while another build ran, so this leaves room for a slower CI machine.
     */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 80;

    private static final Logger log = LoggerFactory.getLogger(GatehouseTestServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private static @Nullable GatehouseTestServer shared;
    private static @Nullable RuntimeException sharedFailure;

    private final Process process;
    private final OutputStream parentPipe;
    private final int port;
    private final String schema;
    private final String redisKeyPrefix;
    private final Path logFile;
    private final String adminEmail;
    private final String adminPassword;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private GatehouseTestServer(Process process, int port, String schema, String redisKeyPrefix, Path logFile,
            String adminEmail, String adminPassword) {
        this.process = process;
        this.parentPipe = process.getOutputStream();
        this.port = port;
        this.schema = schema;
        this.redisKeyPrefix = redisKeyPrefix;
        this.logFile = logFile;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
        this.shutdownHook = new Thread(this::stop, "gatehouse-test-server-" + process.pid() + "-stop");
    }

    /** Starts a new server with the default settings and waits until it is healthy. */
    public static GatehouseTestServer start() {
        return start(Map.of());
    }

    /**
     * Starts a new server and waits until it is healthy.
     *
     * @param properties Spring properties passed as command-line arguments, such as
     *     {@code gatehouse.token.lifetime=1m}; they take precedence over the settings of the launcher
     * @throws IllegalStateException when the server does not become healthy within
     *     {@link #STARTUP_TIMEOUT}, with the end of its log in the message
     */
    public static GatehouseTestServer start(Map<String, String> properties) {
        TestStores.ensureDatabase();
        int launch = LAUNCHES.incrementAndGet();
        int port = freeLoopbackPort();
        String id = randomHex(6);
        String schema = "test_server_" + id;
        String redisKeyPrefix = "gatehouse-test-server:" + id + ":";
        Path target = Path.of(System.getProperty("user.dir"), "target").toAbsolutePath();
        Path logFile = target.resolve("gatehouse-server-" + launch + ".log");
        Path dataDirectory = target.resolve("gatehouse-test-server").resolve(id);
        String adminEmail = "admin-" + id + "@example.com";
        String adminPassword = randomBase64Url(24);

        List<String> command = command(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("GATEHOUSE_ISSUER", "http://127.0.0.1:" + port);
        environment.put("GATEHOUSE_DATA_DIRECTORY", dataDirectory.toString());
        environment.put("GATEHOUSE_KEYS_ENCRYPTION_SECRET", randomBase64Url(32));
        environment.put("GATEHOUSE_ADMIN_EMAIL", adminEmail);
        environment.put("GATEHOUSE_ADMIN_PASSWORD", adminPassword);
        environment.put("SPRING_DATASOURCE_URL", TestStores.postgresUrl(schema));
        environment.put("SPRING_DATASOURCE_USERNAME", TestStores.POSTGRES_USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", TestStores.POSTGRES_PASSWORD);
        environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "4");
        environment.put("SPRING_FLYWAY_SCHEMAS", schema);
        environment.put("SPRING_FLYWAY_DEFAULT_SCHEMA", schema);
        environment.put("SPRING_DATA_REDIS_HOST", TestStores.REDIS_HOST);
        environment.put("SPRING_DATA_REDIS_PORT", Integer.toString(TestStores.REDIS_PORT));
        environment.put("GATEHOUSE_SESSION_REDIS_KEY_PREFIX", redisKeyPrefix);

        GatehouseTestServer server;
        try {
            Files.createDirectories(dataDirectory);
            server = new GatehouseTestServer(builder.start(), port, schema, redisKeyPrefix, logFile, adminEmail,
                    adminPassword);
        } catch (IOException exception) {
            throw new UncheckedIOException("Starting the Gatehouse child JVM failed: " + command.getFirst(), exception);
        }
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        log.info("Started Gatehouse test server as process {} on port {}, log in {}", server.pid(), port, logFile);

        server.awaitHealthy();
        return server;
    }

    /**
     * Returns one server for the whole JVM, started on the first call and stopped when the JVM exits.
     * Test classes that share it save a start-up each. A failed start is remembered, so later callers
     * fail at once with the same error instead of waiting again.
     */
    public static synchronized GatehouseTestServer shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException exception) {
                sharedFailure = exception;
                throw exception;
            }
        }
        return shared;
    }

    /** The issuer, which is also the base URL: {@code http://127.0.0.1:<port>} without a trailing slash. */
    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Resolves a path such as {@code /authentication/sign-in} against the server's base URL. */
    public URI uri(String path) {
        return URI.create(issuer() + path);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Email of the first administrator, who has role {@code admin} with all admin permissions. */
    public String adminEmail() {
        return adminEmail;
    }

    /** Password of the first administrator, random for each launch. */
    public String adminPassword() {
        return adminPassword;
    }

    public Path logFile() {
        return logFile;
    }

    /** Prefix of every Redis key of this server, unique to the launch: {@code gatehouse-test-server:<id>:}. */
    public String redisKeyPrefix() {
        return redisKeyPrefix;
    }

    /** Returns a new client for the server's HTTP API. */
    public GatehouseTestClient client() {
        return new GatehouseTestClient(this);
    }

    /**
     * Stops the child JVM, waiting up to 10 seconds for a normal shutdown before forcing it, then drops
     * the server's schema and deletes its Redis keys. Calling it again does nothing.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run and calls stop() itself.
        }
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        closeParentPipe();
        process.destroy();
        boolean exited = waitForExit(STOP_TIMEOUT);
        if (!exited) {
            log.warn("Gatehouse test server process {} did not stop within {}, killing it", pid(), STOP_TIMEOUT);
            process.destroyForcibly();
            exited = waitForExit(STOP_TIMEOUT);
        }
        if (!exited) {
            log.error("Gatehouse test server process {} is still running after it was killed", pid());
            return;
        }
        log.info("Stopped Gatehouse test server process {}", pid());
        dropSchema();
        deleteRedisKeys();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).GET().build();
        long maxAttempts = STARTUP_TIMEOUT.toMillis() / HEALTH_POLL_INTERVAL.toMillis();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        int lastStatus = -1;

        for (long attempt = 0; attempt < maxAttempts && System.nanoTime() < deadline; attempt++) {
            if (!process.isAlive()) {
                throw startFailure("exited with code " + process.exitValue() + " before it became healthy");
            }
            try {
                lastStatus = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The port opens late in start-up; keep polling.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw startFailure("was interrupted while waiting for it");
            }
            sleep(HEALTH_POLL_INTERVAL);
        }
        throw startFailure("did not answer 200 on /actuator/health within " + STARTUP_TIMEOUT.toSeconds()
                + " s (last status " + (lastStatus < 0 ? "none" : lastStatus) + ")");
    }

    private IllegalStateException startFailure(String reason) {
        close();
        return new IllegalStateException("Gatehouse test server on port " + port + " " + reason
                + ". Is PostgreSQL running on " + TestStores.POSTGRES_HOST + ":" + TestStores.POSTGRES_PORT
                + " and Redis on " + TestStores.REDIS_HOST + ":" + TestStores.REDIS_PORT + "? Last lines of "
                + logFile + ":\n" + logTail());
    }

    private String logTail() {
        try {
            String content = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
            List<String> lines = content.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException exception) {
            return "(reading the log failed: " + exception + ")";
        }
    }

    void closeParentPipe() {
        try {
            parentPipe.close();
        } catch (IOException exception) {
            log.debug("Closing the standard input of process {} failed", pid(), exception);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void dropSchema() {
        try {
            TestStores.dropSchema(schema);
        } catch (SQLException exception) {
            log.warn("Dropping schema {} of the stopped Gatehouse test server failed", schema, exception);
        }
    }

    private void deleteRedisKeys() {
        try {
            long deleted = TestStores.deleteRedisKeys(redisKeyPrefix);
            log.info("Deleted {} Redis keys under prefix {} of the stopped Gatehouse test server", deleted,
                    redisKeyPrefix);
        } catch (RedisException exception) {
            log.warn("Deleting the Redis keys under prefix {} of the stopped Gatehouse test server failed",
                    redisKeyPrefix, exception);
        }
    }

    private static List<String> command(Map<String, String> properties) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                // Start-up speed matters more than peak throughput for a test server.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", ServerClassPath.resolve(Path.of(System.getProperty("user.dir"))),
                GatehouseServerMain.class.getName()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        return command;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException exception) {
            throw new UncheckedIOException("Finding a free port on 127.0.0.1 failed", exception);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String randomBase64Url(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
