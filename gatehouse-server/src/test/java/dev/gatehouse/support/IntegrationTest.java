package dev.gatehouse.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole server against the machine's real PostgreSQL and Redis. Time is
 * controlled through the {@link MutableClock} bean; each test class gets its own Redis key prefix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
public abstract class IntegrationTest {

    /** Points the server at the test stores. Public, so tests with a context of their own can call it too. */
    @DynamicPropertySource
    public static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestStores::postgresUrl);
        registry.add("spring.datasource.username", () -> TestStores.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> TestStores.POSTGRES_PASSWORD);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> TestStores.POOL_SIZE);
        registry.add("spring.flyway.schemas", () -> TestStores.SCHEMA);
        registry.add("spring.flyway.default-schema", () -> TestStores.SCHEMA);
        registry.add("spring.data.redis.host", () -> TestStores.REDIS_HOST);
        registry.add("spring.data.redis.port", () -> TestStores.REDIS_PORT);
        registry.add("gatehouse.session.redis-key-prefix", () -> TestStores.redisKeyPrefix(IntegrationTest.class));
        registry.add("gatehouse.keys.encryption-secret", () -> "integration-test-key-encryption-secret-0123456789");
        registry.add("gatehouse.data-directory", () -> "target/test-data");
    }
}
