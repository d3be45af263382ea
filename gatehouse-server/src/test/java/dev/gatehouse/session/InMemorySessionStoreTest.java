package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest extends SessionStoreContractTest {

    private final InMemorySessionStore store = new InMemorySessionStore(IDLE, Clock.fixed(start.plus(ABSOLUTE), ZoneOffset.UTC));

    @Override
    SessionStore store() {
        return store;
    }

    @Test
    void removeExpiredWhenSessionsPastTheirLifetimeThenMemoryIsFreed() {
        create("a0");
        create("b0");

        store.removeExpired();

        assertThat(store.size()).isZero();
    }
}
