package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.gatehouse.support.MutableClock;

class InMemorySessionStoreTest extends SessionStoreContractTest {

    private final MutableClock clock = new MutableClock();
    private final InMemorySessionStore store = new InMemorySessionStore(IDLE, RETENTION, clock);

    @Override
    SessionStore store() {
        return store;
    }

    @Override
    SessionStore storeWithRetention(Duration retention) {
        return new InMemorySessionStore(IDLE, retention, clock);
    }

    @Override
    void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void revokeWhenSessionPastItsLifetimeThenFalseAndNotInFeed() {
        String id = create("h0");
        clock.advance(IDLE);

        assertThat(store.revoke(id)).isFalse();
        assertThat(revokedIds(Instant.EPOCH)).isEmpty();
    }

    @Test
    void removeExpiredWhenSessionsPastTheirLifetimeThenMemoryIsFreed() {
        create("a0");
        create("b0");
        clock.advance(ABSOLUTE);

        store.removeExpired();

        assertThat(store.size()).isZero();
    }
}
