package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.gatehouse.support.Concurrently;
import dev.gatehouse.support.IntegrationTest;

/** Derivation of successors with the stored key: the same on every thread, and only from a genuine ancestor. */
class RefreshTokenCodecTest extends IntegrationTest {

    @Autowired
    RefreshTokenCodec codec;

    @Test
    void successorOfWhenDerivedOnManyThreadsThenSameToken() throws Exception {
        RefreshToken first = codec.first(codec.newSessionId());
        CountDownLatch gate = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                gate.await();
                return derive(first, 100).value();
            });
        }

        List<String> results = Concurrently.run(tasks, gate);

        assertThat(results).containsOnly(derive(first, 100).value());
    }

    @Test
    void isAncestorWhenGenuineThenTrue() {
        RefreshToken first = codec.first(codec.newSessionId());
        RefreshToken current = derive(first, 50);

        assertThat(codec.isAncestor(first, 50, codec.hash(current), 50)).isTrue();
        assertThat(codec.isAncestor(first, 50, codec.hash(current), 49)).isFalse();
    }

    @Test
    void isAncestorWhenForgedThenFalse() {
        String sessionId = codec.newSessionId();
        RefreshToken current = derive(codec.first(sessionId), 50);
        RefreshToken forged = codec.first(sessionId);

        assertThat(codec.isAncestor(forged, 50, codec.hash(current), 50)).isFalse();
    }

    private RefreshToken derive(RefreshToken token, int steps) {
        RefreshToken derived = token;
        for (int step = 0; step < steps; step++) {
            derived = codec.successorOf(derived);
        }
        return derived;
    }
}
