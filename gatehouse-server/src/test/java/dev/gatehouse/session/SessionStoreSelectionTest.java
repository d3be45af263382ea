package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.gatehouse.support.IntegrationTest;

/**
 * The session store and the failure counters follow the environment the server starts in. Both
 * contexts below have a Redis host configured.
 */
class SessionStoreSelectionTest {

    @Nested
    class WhenRedisHostSet extends IntegrationTest {

        @Autowired
        private SessionStore store;

        @Autowired
        private FailureCounters failureCounters;

        @Test
        void storesWhenStoreAutoThenRedis() {
            assertThat(store).isInstanceOf(RedisSessionStore.class);
            assertThat(failureCounters).isInstanceOf(RedisFailureCounters.class);
        }
    }

    @Nested
    @TestPropertySource(properties = "gatehouse.session.store=memory")
    class WhenMemoryChosen extends IntegrationTest {

        @Autowired
        private SessionStore store;

        @Autowired
        private FailureCounters failureCounters;

        @Test
        void storesWhenStoreMemoryThenInMemory() {
            assertThat(store).isInstanceOf(InMemorySessionStore.class);
            assertThat(failureCounters).isInstanceOf(InMemoryFailureCounters.class);
        }
    }
}
