package dev.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Failure counters in Redis: one hash per key ({@code <prefix>sign-in-failures:<key>}) with the count and
 * the window end in epoch milliseconds. Windows are decided at the injected clock's time, like session
 * expiry in {@link RedisSessionStore}; the key's TTL of one window removes it in real time.
 */
class RedisFailureCounters implements FailureCounters {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of(
            new ClassPathResource("dev/gatehouse/session/count-failures.lua"), List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = RedisScript.of(
            new ClassPathResource("dev/gatehouse/session/read-failures.lua"), List.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisFailureCounters(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix + "sign-in-failures:";
    }

    @Override
    public List<Window> read(List<String> keys, Instant now) {
        return toWindows(call(() -> redis.execute(READ, redisKeys(keys), Long.toString(now.toEpochMilli()))));
    }

    @Override
    public List<Window> increment(List<String> keys, Instant now, Duration length) {
        return toWindows(call(() -> redis.execute(COUNT, redisKeys(keys), Long.toString(now.toEpochMilli()),
                Long.toString(length.toMillis()))));
    }

    @Override
    public void reset(String key) {
        call(() -> redis.delete(prefix + key));
    }

    private List<String> redisKeys(List<String> keys) {
        return keys.stream().map(key -> prefix + key).toList();
    }

    private static List<Window> toWindows(List<?> result) {
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i + 1 < result.size(); i += 2) {
            long count = Long.parseLong(String.valueOf(result.get(i)));
            Instant endsAt = Instant.ofEpochMilli(Long.parseLong(String.valueOf(result.get(i + 1))));
            windows.add(count == 0 ? Window.NONE : new Window(count, endsAt));
        }
        return windows;
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException exception) {
            throw new SessionStoreUnavailableException(exception);
        }
    }
}
