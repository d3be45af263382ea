package dev.gatehouse.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Loads sessions into Redis through Gatehouse's own {@link RedisSessionStore}, the code sign-in uses,
 * so the scale benchmark measures refreshes among as many live sessions as a large deployment keeps.
 * Each session has its own user, a random id and a random token hash, and expires through the store's
 * normal idle lifetime. It sits in the {@code session} package because the store is package-private.
 *
 * <p>Usage: {@code SessionLoader count=1000000 prefix=gatehouse-bench: [threads=8] [host=127.0.0.1] [port=6379]}.
 * Prints one JSON object with the count, the seconds taken and Redis's {@code used_memory} before and after.
 */
public final class SessionLoader {

    private static final Duration IDLE_LIFETIME = Duration.ofDays(14);
    private static final Duration ABSOLUTE_LIFETIME = Duration.ofDays(30);
    private static final Duration REQUEST_DEADLINE = Duration.ofSeconds(5);
    private static final Duration REVOCATION_RETENTION = Duration.ofMinutes(17);

    private SessionLoader() {
    }

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(argument(args, "count", "1000000"));
        String prefix = argument(args, "prefix", "gatehouse-bench:");
        int threads = Integer.parseInt(argument(args, "threads", "8"));
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                argument(args, "host", "127.0.0.1"), Integer.parseInt(argument(args, "port", "6379"))));
        connections.afterPropertiesSet();
        connections.start();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(connections);
            RedisSessionStore store = new RedisSessionStore(redis, prefix, IDLE_LIFETIME, ABSOLUTE_LIFETIME,
                    REQUEST_DEADLINE, REVOCATION_RETENTION, "Redis (session loader)");
            long memoryBefore = usedMemory(redis);
            long started = System.nanoTime();
            load(store, count, threads);
            double seconds = (System.nanoTime() - started) / 1e9;
            long memoryAfter = usedMemory(redis);
            System.out.printf(java.util.Locale.ROOT,
                    "{\"sessions\": %d, \"seconds\": %.1f, \"usedMemoryBefore\": %d, \"usedMemoryAfter\": %d}%n",
                    count, seconds, memoryBefore, memoryAfter);
        } finally {
            connections.destroy();
        }
    }

    private static void load(RedisSessionStore store, long count, int threads) throws Exception {
        AtomicLong next = new AtomicLong();
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            Future<?>[] workers = new Future<?>[threads];
            for (int thread = 0; thread < threads; thread++) {
                workers[thread] = executor.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        store.create(randomSession(random, now));
                    }
                    return null;
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
    }

    /** A session shaped like one sign-in creates: a 22-character id, a base64url SHA-256 hash, a user agent and an address. */
    private static SessionStore.NewSession randomSession(SecureRandom random, Instant now) {
        byte[] id = new byte[16];
        byte[] hash = new byte[32];
        random.nextBytes(id);
        random.nextBytes(hash);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return new SessionStore.NewSession(base64url.encodeToString(id),
                UUID.randomUUID(), base64url.encodeToString(hash), now, now.plus(ABSOLUTE_LIFETIME),
                "Mozilla/5.0 (X11; Linux x86_64) benchmark", "127.0.0.1", null);
    }

    private static long usedMemory(StringRedisTemplate redis) {
        var info = redis.execute((org.springframework.data.redis.core.RedisCallback<java.util.Properties>)
                connection -> connection.serverCommands().info("memory"));
        return Long.parseLong(info.getProperty("used_memory"));
    }

    private static String argument(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
