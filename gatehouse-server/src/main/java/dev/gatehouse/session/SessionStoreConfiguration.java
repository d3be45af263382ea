package dev.gatehouse.session;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.config.GatehouseProperties.SessionStoreType;

/**
 * Chooses the session store: Redis when {@code gatehouse.session.store} is {@code redis}, or when it
 * is {@code auto} and a Redis host or URL is configured; the in-memory store otherwise.
 *
 * <p>The choice is made when the beans are created, not by conditions on bean definitions, so a build
 * with Spring's ahead-of-time processing, which fixes the bean definitions at build time, still follows
 * the environment it runs in.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

    @Bean
    SessionStore selectedSessionStore(Environment environment, StringRedisTemplate redis,
            GatehouseProperties properties, DataRedisProperties redisProperties, Clock clock) {
        return redisSelected(environment)
                ? redisSessionStore(redis, properties, redisProperties)
                : inMemorySessionStore(properties, clock);
    }

    @Bean
    FailureCounters selectedFailureCounters(Environment environment, StringRedisTemplate redis,
            GatehouseProperties properties, Clock clock) {
        return redisSelected(environment)
                ? new RedisFailureCounters(redis, properties.session().redisKeyPrefix())
                : new InMemoryFailureCounters(clock);
    }

    private static SessionStore redisSessionStore(StringRedisTemplate redis, GatehouseProperties properties,
            DataRedisProperties redisProperties) {
        GatehouseProperties.Session session = properties.session();
        String address = redisProperties.getUrl() != null ? "URL" : redisProperties.getHost() + ":" + redisProperties.getPort();
        Duration commandTimeout = redisProperties.getTimeout() != null ? redisProperties.getTimeout() : Duration.ofSeconds(1);
        return new RedisSessionStore(redis, session.redisKeyPrefix(), session.idleLifetime(), session.absoluteLifetime(),
                commandTimeout.multipliedBy(9).dividedBy(10), revocationRetention(properties), "Redis " + address);
    }

    private static SessionStore inMemorySessionStore(GatehouseProperties properties, Clock clock) {
        log.warn("Sessions are kept in memory: this mode is for a single instance only, and every session ends "
                + "when the process stops. Set SPRING_DATA_REDIS_HOST to keep sessions in Redis.");
        return new InMemorySessionStore(properties.session().idleLifetime(), revocationRetention(properties), clock);
    }

    /**
     * Keeps a revocation in the feed while an access token issued just before it can still pass a resource
     * server's expiry check: the token lifetime plus the clock skew, plus one minute for polling delays.
     */
    static Duration revocationRetention(GatehouseProperties properties) {
        return properties.token().lifetime().plus(properties.token().clockSkew()).plus(Duration.ofMinutes(1));
    }

    /**
     * Makes Redis failures fast: while disconnected, commands fail at once instead of queueing, so a
     * request gets 503 within the command timeout ({@code spring.data.redis.timeout}) and Lettuce keeps
     * reconnecting in the background.
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastLettuceOptions(DataRedisProperties redisProperties) {
        Duration connectTimeout = redisProperties.getConnectTimeout() != null
                ? redisProperties.getConnectTimeout()
                : Duration.ofSeconds(1);
        return builder -> builder.clientOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
    }

    private static boolean redisSelected(Environment environment) {
        SessionStoreType type = environment.getProperty("gatehouse.session.store", SessionStoreType.class,
                SessionStoreType.AUTO);
        return switch (type) {
            case REDIS -> true;
            case MEMORY -> false;
            case AUTO -> hasText(environment.getProperty("spring.data.redis.host"))
                    || hasText(environment.getProperty("spring.data.redis.url"));
        };
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
