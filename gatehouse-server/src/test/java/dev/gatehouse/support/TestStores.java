package dev.gatehouse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Addresses of the real PostgreSQL and Redis that integration tests use. Each is overridable by an
 * environment variable so the suite can run against services elsewhere on the machine.
 */
public final class TestStores {

    public static final String POSTGRES_HOST = env("GATEHOUSE_TEST_POSTGRES_HOST", "127.0.0.1");
    public static final int POSTGRES_PORT = Integer.parseInt(env("GATEHOUSE_TEST_POSTGRES_PORT", "5432"));
    public static final String POSTGRES_USER = env("GATEHOUSE_TEST_POSTGRES_USER", "postgres");
    public static final String POSTGRES_PASSWORD = env("GATEHOUSE_TEST_POSTGRES_PASSWORD", "");
    public static final String POSTGRES_DATABASE = env("GATEHOUSE_TEST_POSTGRES_DATABASE", "gatehouse_test");
    public static final String REDIS_HOST = env("GATEHOUSE_TEST_REDIS_HOST", "127.0.0.1");
    public static final int REDIS_PORT = Integer.parseInt(env("GATEHOUSE_TEST_REDIS_PORT", "6379"));

    /**
     * Connections per test application context. Spring keeps several contexts open at once, and
     * PostgreSQL allows 100 connections by default, so each context gets a small pool.
     */
    public static final int POOL_SIZE = 4;

    /** One schema per test JVM, so parallel or repeated runs never see each other's rows. */
    public static final String SCHEMA = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static volatile boolean databaseCreated;

    private TestStores() {
    }

    public static String postgresUrl() {
        ensureDatabase();
        return "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/" + POSTGRES_DATABASE
                + "?currentSchema=" + SCHEMA;
    }

    /** A Redis key prefix unique to one test class, so its keys never collide with another's. */
    public static String redisKeyPrefix(Class<?> testClass) {
        return "gatehouse-test:" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + ":"
                + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static synchronized void ensureDatabase() {
        if (databaseCreated) {
            return;
        }
        String adminUrl = "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + POSTGRES_DATABASE + "'");
            if (!result.next()) {
                statement.execute("create database " + POSTGRES_DATABASE);
            }
            databaseCreated = true;
        } catch (SQLException exception) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + adminUrl
                    + ": start it or set GATEHOUSE_TEST_POSTGRES_HOST and GATEHOUSE_TEST_POSTGRES_PORT", exception);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
