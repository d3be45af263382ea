package dev.gatehouse.testserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Addresses of the PostgreSQL and Redis that a test server uses. They honor the same environment
 * variables as gatehouse-server's own tests, so one setting moves every test of the repository.
 */
final class TestStores {

    static final String POSTGRES_HOST = env("GATEHOUSE_TEST_POSTGRES_HOST", "127.0.0.1");
    static final int POSTGRES_PORT = Integer.parseInt(env("GATEHOUSE_TEST_POSTGRES_PORT", "5432"));
    static final String POSTGRES_USER = env("GATEHOUSE_TEST_POSTGRES_USER", "postgres");
    static final String POSTGRES_PASSWORD = env("GATEHOUSE_TEST_POSTGRES_PASSWORD", "");
    static final String POSTGRES_DATABASE = env("GATEHOUSE_TEST_POSTGRES_DATABASE", "gatehouse_test");
    static final String REDIS_HOST = env("GATEHOUSE_TEST_REDIS_HOST", "127.0.0.1");
    static final int REDIS_PORT = Integer.parseInt(env("GATEHOUSE_TEST_REDIS_PORT", "6379"));

    /** Keys that one SCAN call examines (its COUNT hint) and that one UNLINK call deletes at most. */
    static final int REDIS_SCAN_BATCH = 500;

    /**
     * Maximum SCAN calls of one cleanup. SCAN walks the whole key space, not only the prefix, so this
     * covers a database of about five million keys before the cleanup gives up.
     */
    static final int REDIS_MAX_SCAN_CALLS = 10_000;

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(TestStores.class);

    private TestStores() {
    }

    static String postgresUrl(String schema) {
        return "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + POSTGRES_DATABASE
                + "?currentSchema=" + schema;
    }

    /** Creates the test database unless it exists. */
    static void ensureDatabase() {
        String adminUrl = "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet existing = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + POSTGRES_DATABASE + "'")) {
            if (!existing.next()) {
                statement.execute("create database " + POSTGRES_DATABASE);
            }
        } catch (SQLException exception) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + adminUrl + ": start it or set"
                    + " GATEHOUSE_TEST_POSTGRES_HOST and GATEHOUSE_TEST_POSTGRES_PORT", exception);
        }
    }

    /** Drops a schema that a stopped test server used, with all its tables. */
    static void dropSchema(String schema) throws SQLException {
        String url = "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + POSTGRES_DATABASE;
        try (Connection connection = DriverManager.getConnection(url, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /**
     * Deletes every Redis key that starts with the prefix, with SCAN and UNLINK in batches of
     * {@link #REDIS_SCAN_BATCH}, and stops after {@link #REDIS_MAX_SCAN_CALLS} SCAN calls.
     *
     * @return the number of keys deleted
     */
    static long deleteRedisKeys(String prefix) {
        RedisClient client = RedisClient.create(redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanArgs matchPrefix = ScanArgs.Builder.matches(escapeGlob(prefix) + "*").limit(REDIS_SCAN_BATCH);
            ScanCursor cursor = ScanCursor.INITIAL;
            long deleted = 0;

            for (int call = 0; call < REDIS_MAX_SCAN_CALLS; call++) {
                KeyScanCursor<String> page = redis.scan(cursor, matchPrefix);
                List<String> keys = page.getKeys();
                if (!keys.isEmpty()) {
                    deleted += redis.unlink(keys.toArray(String[]::new));
                }
                if (page.isFinished()) {
                    return deleted;
                }
                cursor = page;
            }
            log.warn("Deleted {} Redis keys under prefix {} but stopped after {} SCAN calls; some may remain",
                    deleted, prefix, REDIS_MAX_SCAN_CALLS);
            return deleted;
        } finally {
            client.shutdown(Duration.ZERO, REDIS_TIMEOUT);
        }
    }

    static RedisURI redisUri() {
        return RedisURI.builder().withHost(REDIS_HOST).withPort(REDIS_PORT).withTimeout(REDIS_TIMEOUT).build();
    }

    /** Escapes the characters that SCAN's MATCH pattern treats as glob syntax. */
    private static String escapeGlob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
