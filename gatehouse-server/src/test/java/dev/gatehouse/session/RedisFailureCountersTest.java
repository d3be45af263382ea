package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.gatehouse.support.RedisProcess;
import dev.gatehouse.support.TestStores;

/** Runs the failure counter contract against the machine's real Redis, under a key prefix of its own. */
class RedisFailureCountersTest extends FailureCountersContractTest {

    private static final String PREFIX = TestStores.redisKeyPrefix(RedisFailureCountersTest.class);
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final RedisFailureCounters counters = new RedisFailureCounters(redis, PREFIX);

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(TestStores.REDIS_HOST, TestStores.REDIS_PORT));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @AfterEach
    void deleteKeys() {
        Set<String> keys = redis.keys(PREFIX + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    @Override
    FailureCounters counters() {
        return counters;
    }

    @Test
    void incrementWhenWindowOpensThenKeyExpiresAfterOneWindow() {
        counters.increment(List.of(key), start, WINDOW);

        Long ttl = redis.getExpire(PREFIX + "sign-in-failures:" + key, TimeUnit.MILLISECONDS);

        assertThat(ttl).isPositive().isLessThanOrEqualTo(WINDOW.toMillis());
    }

    @Test
    void readWhenRedisStoppedThenSessionStoreUnavailable() throws Exception {
        int port;
        try (RedisProcess stopped = RedisProcess.start()) {
            port = stopped.port();
        }
        LettuceConnectionFactory privateConnections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port));
        privateConnections.afterPropertiesSet();
        privateConnections.start();
        try {
            RedisFailureCounters unreachable = new RedisFailureCounters(new StringRedisTemplate(privateConnections),
                    PREFIX);

            assertThatThrownBy(() -> unreachable.read(List.of(key), start))
                    .isInstanceOf(SessionStoreUnavailableException.class);
        } finally {
            privateConnections.destroy();
        }
    }
}
