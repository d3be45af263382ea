package dev.gatehouse.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Sessions in Redis. One hash per session ({@code <prefix>session:<id>}) contains the user id, the
 * generation, the hashes of the current and previous refresh token, the OAuth client id (empty for
 * none), and timestamps in epoch milliseconds; its TTL follows the idle lifetime capped by the absolute expiry. A sorted set per user
 * ({@code <prefix>user-sessions:<user id>}) indexes the user's session ids and is pruned when read.
 * Rotation runs as one Lua script, so concurrent presentations of a token are decided one at a time.
 * Every revocation, by request or by detected reuse, also adds the session id to the revocation feed
 * ({@code <prefix>revoked-sessions}, a sorted set scored by Redis {@code TIME} in epoch milliseconds)
 * inside the script that deletes the session, and the feed drops entries older than its retention.
 */
class RedisSessionStore implements SessionStore {

    private static final List<String> DETAIL_FIELDS = List.of("uid", "crt", "last", "abs", "ua", "ip", "cid");
    private static final List<String> TOKEN_FIELDS = List.of("uid", "gen", "cur", "prev", "last", "abs", "cid");

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ROTATE = RedisScript.of(script("rotate-refresh-token"), List.class);
    private static final RedisScript<Long> CREATE_SCRIPT = RedisScript.of(script("create-session"), Long.class);
    private static final RedisScript<Long> REVOKE_SCRIPT = RedisScript.of(script("revoke-sessions"), Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ_REVOCATIONS = RedisScript.of(script("read-revocations"), List.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration idleLifetime;
    private final Duration indexLifetime;
    private final Duration requestDeadline;
    private final Duration revocationRetention;
    private final String description;

    /**
     * @param requestDeadline how long after it is sent a rotation may still run in Redis. It is shorter than
     *     the command timeout, so a rotation whose caller timed out and returned 503 never spends the token.
     * @param revocationRetention how long an entry stays in the revocation feed
     */
    RedisSessionStore(StringRedisTemplate redis, String prefix, Duration idleLifetime, Duration absoluteLifetime,
            Duration requestDeadline, Duration revocationRetention, String description) {
        this.redis = redis;
        this.prefix = prefix;
        this.idleLifetime = idleLifetime;
        this.indexLifetime = absoluteLifetime;
        this.requestDeadline = requestDeadline;
        this.revocationRetention = revocationRetention;
        this.description = description;
    }

    @Override
    public void create(NewSession session) {
        long ttl = Math.min(idleLifetime.toMillis(),
                session.absoluteExpiresAt().toEpochMilli() - session.createdAt().toEpochMilli());
        Long created = call(() -> redis.execute(CREATE_SCRIPT, List.of(sessionKey(session.id()), userKey(session.userId())),
                session.userId().toString(), session.tokenHash(), millis(session.createdAt()),
                millis(session.absoluteExpiresAt()), Long.toString(ttl), orEmpty(session.userAgent()),
                orEmpty(session.address()), session.id(), Long.toString(indexLifetime.toMillis()), latestStart(),
                orEmpty(session.clientId())));
        if (created == null || created == 0) {
            throw new SessionStoreUnavailableException(new IllegalStateException(
                    "A new session reached Redis after its deadline and was not stored"));
        }
    }

    @Override
    public RotationOutcome rotate(RotationAttempt attempt) {
        List<?> result = call(() -> redis.execute(ROTATE, List.of(sessionKey(attempt.sessionId()), revocationsKey()),
                Long.toString(attempt.generation()), attempt.presentedHash(), attempt.successorHash(),
                millis(attempt.now()), Long.toString(attempt.leeway().toMillis()),
                Long.toString(idleLifetime.toMillis()), latestStart(), attempt.sessionId(), retentionMillis(),
                orEmpty(attempt.clientId())));
        return toOutcome(result);
    }

    private static RotationOutcome toOutcome(List<?> result) {
        String outcome = String.valueOf(result.getFirst());
        return switch (outcome) {
            case "rotated" -> new RotationOutcome.Rotated(userId(result));
            case "retried" -> new RotationOutcome.Retried(userId(result));
            case "reused" -> new RotationOutcome.Reused(userId(result));
            case "stale" -> new RotationOutcome.Stale(userId(result), Long.parseLong(String.valueOf(result.get(2))),
                    String.valueOf(result.get(3)));
            case "expired" -> new RotationOutcome.Rejected(RotationOutcome.Reason.EXPIRED);
            case "mismatch" -> new RotationOutcome.Rejected(RotationOutcome.Reason.MISMATCH);
            case "wrong_client" -> new RotationOutcome.Rejected(RotationOutcome.Reason.WRONG_CLIENT);
            case "unknown" -> new RotationOutcome.Rejected(RotationOutcome.Reason.UNKNOWN_SESSION);
            case "late" -> throw new SessionStoreUnavailableException(new IllegalStateException("A rotation reached Redis "
                    + "after its deadline and was discarded; if this repeats while Redis is healthy, check that this "
                    + "host's clock and the Redis host's clock agree"));
            default -> throw new IllegalStateException("Unexpected rotation result " + outcome);
        };
    }

    @Override
    public Optional<SessionDetails> find(String sessionId, Instant now) {
        List<Object> fields = call(() -> redis.opsForHash().multiGet(sessionKey(sessionId), List.copyOf(DETAIL_FIELDS)));
        return toDetails(sessionId, fields, now);
    }

    @Override
    public Optional<TokenState> tokenState(String sessionId, Instant now) {
        List<Object> fields = call(() -> redis.opsForHash().multiGet(sessionKey(sessionId), List.copyOf(TOKEN_FIELDS)));
        if (fields.getFirst() == null || isExpired(now, fields.get(4), fields.get(5))) {
            return Optional.empty();
        }
        return Optional.of(new TokenState(UUID.fromString((String) fields.get(0)), Long.parseLong((String) fields.get(1)),
                (String) fields.get(2), (String) fields.get(3), emptyToNull(fields.get(6))));
    }

    @Override
    public List<SessionDetails> listByUser(UUID userId, Instant now) {
        Set<String> ids = call(() -> redis.opsForZSet().range(userKey(userId), 0, -1));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }

        List<SessionDetails> live = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String id : ids) {
            find(id, now).ifPresentOrElse(live::add, () -> gone.add(id));
        }
        if (!gone.isEmpty()) {
            call(() -> redis.opsForZSet().remove(userKey(userId), gone.toArray()));
        }
        return live;
    }

    @Override
    public boolean revoke(String sessionId) {
        return revokeAll(List.of(sessionId)) == 1;
    }

    @Override
    public int revokeAllByUser(UUID userId, @Nullable String keepSessionId) {
        Set<String> ids = call(() -> redis.opsForZSet().range(userKey(userId), 0, -1));
        if (ids == null || ids.isEmpty()) {
            return 0;
        }

        List<String> revoked = ids.stream().filter(id -> !id.equals(keepSessionId)).toList();
        if (revoked.isEmpty()) {
            return 0;
        }
        int ended = revokeAll(revoked);
        call(() -> redis.opsForZSet().remove(userKey(userId), revoked.toArray()));
        return ended;
    }

    @Override
    public RevocationLog revocationsSince(Instant since, int max) {
        List<?> result = call(() -> redis.execute(READ_REVOCATIONS, List.of(revocationsKey()), millis(since),
                retentionMillis(), Integer.toString(max)));
        List<Revocation> revocations = new ArrayList<>();
        for (int i = 1; i + 1 < result.size(); i += 2) {
            revocations.add(new Revocation(String.valueOf(result.get(i)), instant(String.valueOf(result.get(i + 1)))));
        }
        return new RevocationLog(revocations, instant(String.valueOf(result.getFirst())));
    }

    /** Deletes the sessions and records each one that was live in the revocation feed, atomically. */
    private int revokeAll(List<String> sessionIds) {
        List<String> keys = new ArrayList<>();
        keys.add(revocationsKey());
        sessionIds.forEach(id -> keys.add(sessionKey(id)));
        List<String> arguments = new ArrayList<>();
        arguments.add(retentionMillis());
        arguments.addAll(sessionIds);

        Long revoked = call(() -> redis.execute(REVOKE_SCRIPT, keys, arguments.toArray()));
        return revoked == null ? 0 : revoked.intValue();
    }

    /**
     * Connects and loads the scripts. The first command otherwise also pays for connecting and class
     * loading, which on a cold JVM can pass the rotation deadline and fail the first sign-in with 503.
     */
    @Override
    public void warmUp() {
        call(() -> redis.execute((RedisCallback<Object>) connection -> {
            connection.ping();
            connection.scriptingCommands().scriptLoad(CREATE_SCRIPT.getScriptAsString().getBytes(StandardCharsets.UTF_8));
            connection.scriptingCommands().scriptLoad(ROTATE.getScriptAsString().getBytes(StandardCharsets.UTF_8));
            connection.scriptingCommands().scriptLoad(REVOKE_SCRIPT.getScriptAsString().getBytes(StandardCharsets.UTF_8));
            connection.scriptingCommands().scriptLoad(
                    READ_REVOCATIONS.getScriptAsString().getBytes(StandardCharsets.UTF_8));
            return null;
        }));
    }

    @Override
    public String describe() {
        return description;
    }

    private Optional<SessionDetails> toDetails(String sessionId, List<Object> fields, Instant now) {
        if (fields.getFirst() == null || isExpired(now, fields.get(2), fields.get(3))) {
            return Optional.empty();
        }
        return Optional.of(new SessionDetails(sessionId, UUID.fromString((String) fields.get(0)),
                instant(fields.get(1)), instant(fields.get(2)), instant(fields.get(3)),
                emptyToNull(fields.get(4)), emptyToNull(fields.get(5)), emptyToNull(fields.get(6))));
    }

    /** Applies the idle and absolute lifetimes at the injected clock's time; the key's TTL applies them in real time. */
    private boolean isExpired(Instant now, Object lastUsed, Object absoluteExpiry) {
        return !now.isBefore(instant(absoluteExpiry)) || !now.isBefore(instant(lastUsed).plus(idleLifetime));
    }

    /**
     * Wall-clock deadline compared with Redis's own TIME, so it deliberately reads the system clock
     * rather than the injected one. NOTE: this assumes the two hosts' clocks agree (NTP); a Redis clock
     * ahead by more than the deadline makes every rotation fail with 503.
     */
    private String latestStart() {
        return Long.toString(System.currentTimeMillis() + requestDeadline.toMillis());
    }

    private <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException exception) {
            throw new SessionStoreUnavailableException(exception);
        }
    }

    private String sessionKey(String sessionId) {
        return prefix + "session:" + sessionId;
    }

    private String revocationsKey() {
        return prefix + "revoked-sessions";
    }

    private String retentionMillis() {
        return Long.toString(revocationRetention.toMillis());
    }

    private String userKey(UUID userId) {
        return prefix + "user-sessions:" + userId;
    }

    private static UUID userId(List<?> result) {
        return UUID.fromString(String.valueOf(result.get(1)));
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(Object millis) {
        return Instant.ofEpochMilli(Long.parseLong((String) millis));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String emptyToNull(Object value) {
        return value == null || ((String) value).isEmpty() ? null : (String) value;
    }

    /**
     * Reads a Lua script from the class path once. A script built from a {@code Resource} would check the
     * resource's modification time on every call, which inside the packaged jar cost a measurable share
     * of each rotation.
     */
    private static String script(String name) {
        try {
            return new ClassPathResource("dev/gatehouse/session/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException exception) {
            throw new UncheckedIOException("Failed to read the Lua script " + name + " from the class path", exception);
        }
    }
}
