package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.gatehouse.support.TestStores;

/** Runs the store contract against the machine's real Redis, under a key prefix of its own. */
class RedisSessionStoreTest extends SessionStoreContractTest {

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private static final String PREFIX = TestStores.redisKeyPrefix(RedisSessionStoreTest.class);

    private final RedisSessionStore store = new RedisSessionStore(redis, PREFIX, IDLE, ABSOLUTE, Duration.ofSeconds(3),
            RETENTION, "test");

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(TestStores.REDIS_HOST, TestStores.REDIS_PORT));
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
    SessionStore store() {
        return store;
    }

    @Override
    SessionStore storeWithRetention(Duration retention) {
        return new RedisSessionStore(redis, PREFIX + "short-feed:", IDLE, ABSOLUTE, Duration.ofSeconds(3), retention,
                "test");
    }

    /** The feed reads Redis TIME, which a test cannot move, so this sleeps; tests keep the durations short. */
    @Override
    void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Redis time to pass", interrupted);
        }
    }

    @Test
    void revokeWhenRevokedThenFeedHasTtlOfRetention() {
        store.revoke(create("h0"));

        Long feedTtl = redis.getExpire(PREFIX + "revoked-sessions", TimeUnit.MILLISECONDS);

        assertThat(feedTtl).isPositive().isLessThanOrEqualTo(RETENTION.toMillis());
    }

    @Test
    void createWhenStoredThenEveryKeyHasTtlAndNoTokenInClear() {
        String id = create("hash-of-token");

        Long sessionTtl = redis.getExpire(PREFIX + "session:" + id);
        Long indexTtl = redis.getExpire(PREFIX + "user-sessions:" + userId);

        assertThat(sessionTtl).isPositive().isLessThanOrEqualTo(IDLE.toSeconds());
        assertThat(indexTtl).isPositive().isLessThanOrEqualTo(ABSOLUTE.toSeconds());
        assertThat(redis.opsForHash().keys(PREFIX + "session:" + id))
                .containsExactlyInAnyOrder("uid", "gen", "cur", "crt", "last", "abs", "ua", "ip", "cid");
    }

    @Test
    void rotateWhenRotatedThenTtlNeverPassesAbsoluteExpiry() {
        String id = create("h0");
        for (int generation = 0; generation < 4; generation++) {
            store.rotate(attempt(id, generation, "h" + generation, "h" + (generation + 1),
                    start.plus(Duration.ofDays(7L * (generation + 1)))));
        }

        store.rotate(attempt(id, 4, "h4", "h5", start.plus(ABSOLUTE).minusSeconds(60)));

        assertThat(redis.getExpire(PREFIX + "session:" + id)).isBetween(1L, 60L);
    }

    @Test
    void findWhenKeyFlushedThenUnknownNotTheft() {
        String id = create("h0");
        redis.delete(PREFIX + "session:" + id);

        assertThat(store.find(id, start)).isEmpty();
        assertThat(store.rotate(attempt(id, 0, "h0", "h1", start)))
                .isEqualTo(new RotationOutcome.Rejected(RotationOutcome.Reason.UNKNOWN_SESSION));
    }
}
