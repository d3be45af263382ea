package dev.gatehouse.testserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
