package dev.gatehouse.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the launcher deletes its own Redis keys, against the Redis of the tests. */
class GatehouseTestServerRedisCleanupTest {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestStores.redisUri());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void deleteRedisKeysWhenManyKeysThenAllDeleted() {
        String prefix = "gatehouse-test-server:cleanup-" + UUID.randomUUID() + ":";
        String outsideKey = "gatehouse-test-server:cleanup-other-" + UUID.randomUUID();
        int keyCount = TestStores.REDIS_SCAN_BATCH * 2 + 17;
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < keyCount; i++) {
            keys.put(prefix + i, "value");
        }
        redis.mset(keys);
        redis.set(outsideKey, "value");

        try {
            long deleted = TestStores.deleteRedisKeys(prefix);

            assertThat(deleted).isEqualTo(keyCount);
            assertThat(countKeys(prefix)).isZero();
            assertThat(redis.exists(outsideKey)).isEqualTo(1);
        } finally {
            redis.del(outsideKey);
        }
    }

    @Test
    void deleteRedisKeysWhenGlobInPrefixThenLiteral() {
        String prefix = "gatehouse-test-server:cleanup-[" + UUID.randomUUID() + "]*:";
        String lookalikeKey = "gatehouse-test-server:cleanup-x" + UUID.randomUUID() + ":1";
        redis.set(prefix + "1", "value");
        redis.set(lookalikeKey, "value");

        try {
            assertThat(TestStores.deleteRedisKeys(prefix)).isEqualTo(1);
            assertThat(redis.exists(lookalikeKey)).isEqualTo(1);
        } finally {
            redis.del(lookalikeKey);
        }
    }

    @Test
    void closeWhenSessionsStoredThenRedisKeysDeleted() {
        GatehouseTestServer server = GatehouseTestServer.start();
        String prefix = server.redisKeyPrefix();
        try {
            GatehouseTestClient gatehouse = server.client();
            gatehouse.signIn(gatehouse.createUser());

            assertThat(countKeys(prefix)).isPositive();
        } finally {
            server.close();
        }

        assertThat(countKeys(prefix)).isZero();
    }

    private static long countKeys(String prefix) {
        ScanArgs matchPrefix = ScanArgs.Builder.matches(prefix.replace("[", "\\[").replace("]", "\\]")
                .replace("*", "\\*") + "*").limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        long count = 0;
        for (int call = 0; call < 10_000; call++) {
            KeyScanCursor<String> page = redis.scan(cursor, matchPrefix);
            count += page.getKeys().size();
            if (page.isFinished()) {
                return count;
            }
            cursor = page;
        }
        throw new IllegalStateException("Counting the keys under " + prefix + " did not finish within 10000 SCAN calls");
    }
}
