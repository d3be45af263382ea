package dev.gatehouse.token;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.GatehouseApplication;
import dev.gatehouse.support.TestStores;

/**
 * Starts the whole application outside the Spring test framework, for tests that need a start-up to
 * fail or two start-ups in a row. It listens on a random port of 127.0.0.1 and uses the PostgreSQL
 * and Redis of {@link dev.gatehouse.support.IntegrationTest}, in a schema the caller chooses.
 */
final class StandaloneGatehouse {

    private StandaloneGatehouse() {
    }

    /** Returns a new schema name, unique to one test, that {@link #dropSchema} removes afterwards. */
    static String newSchema() {
        return "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Starts Gatehouse with its database in {@code schema}. Settings go in as command-line arguments,
     * because those override {@code application.yml}, while default properties would not.
     *
     * @param settings extra {@code name=value} settings
     */
    static ConfigurableApplicationContext start(String schema, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgresUrl(schema),
                "--spring.datasource.username=" + TestStores.POSTGRES_USER,
                "--spring.datasource.password=" + TestStores.POSTGRES_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=" + TestStores.POOL_SIZE,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--spring.data.redis.host=" + TestStores.REDIS_HOST,
                "--spring.data.redis.port=" + TestStores.REDIS_PORT,
                "--gatehouse.session.redis-key-prefix=" + TestStores.redisKeyPrefix(StandaloneGatehouse.class),
                "--gatehouse.keys.encryption-secret=integration-test-key-encryption-secret-0123456789",
                "--gatehouse.data-directory=target/test-data",
                "--server.address=127.0.0.1",
                "--server.port=0"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(GatehouseApplication.class).run(arguments.toArray(String[]::new));
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgresUrl(schema), TestStores.POSTGRES_USER,
                TestStores.POSTGRES_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    static String postgresUrl(String schema) {
        // Called for its side effect: it creates the test database on first use.
        TestStores.postgresUrl();
        return "jdbc:postgresql://" + TestStores.POSTGRES_HOST + ":" + TestStores.POSTGRES_PORT + "/"
                + TestStores.POSTGRES_DATABASE + "?currentSchema=" + schema;
    }
}
