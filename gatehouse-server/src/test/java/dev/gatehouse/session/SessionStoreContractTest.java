package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.session.RotationOutcome.Rejected;
import dev.gatehouse.session.RotationOutcome.Retried;
import dev.gatehouse.session.RotationOutcome.Reused;
import dev.gatehouse.session.RotationOutcome.Rotated;
import dev.gatehouse.session.RotationOutcome.Stale;
import dev.gatehouse.session.SessionStore.NewSession;
import dev.gatehouse.session.SessionStore.RotationAttempt;
import dev.gatehouse.support.Concurrently;

/**
 * The behaviour every {@link SessionStore} must have. The Redis and the in-memory store each run
 * these tests; hashes here are plain labels because the store only compares them.
 */
abstract class SessionStoreContractTest {

    static final Duration IDLE = Duration.ofDays(14);
    static final Duration ABSOLUTE = Duration.ofDays(30);
    static final Duration LEEWAY = Duration.ofSeconds(10);

    /** Whole milliseconds, because Redis stores epoch milliseconds. */
    final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID userId;

    /** Feed retention of {@link #store()}; long enough that no entry expires during a test. */
    static final Duration RETENTION = Duration.ofMinutes(16);

    abstract SessionStore store();

    /** A second store on the same backend whose feed keeps entries only for {@code retention}. */
    abstract SessionStore storeWithRetention(Duration retention);

    /** Lets at least {@code duration} pass on the clock that the store's feed reads. */
    abstract void elapse(Duration duration);

    @BeforeEach
    void newUser() {
        userId = UUID.randomUUID();
    }

    @Test
    void findWhenCreatedThenReturnsDetails() {
        String id = create("h0");

        SessionDetails details = store().find(id, start).orElseThrow();

        assertThat(details.userId()).isEqualTo(userId);
        assertThat(details.createdAt()).isEqualTo(start);
        assertThat(details.absoluteExpiresAt()).isEqualTo(start.plus(ABSOLUTE));
        assertThat(details.userAgent()).isEqualTo("test-agent");
        assertThat(details.address()).isEqualTo("127.0.0.1");
    }

    @Test
    void rotateWhenTokenIsCurrentThenRotated() {
        String id = create("h0");

        RotationOutcome outcome = store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));

        assertThat(outcome).isEqualTo(new Rotated(userId));
        assertThat(store().tokenState(id, start.plusSeconds(1)).orElseThrow().currentHash()).isEqualTo("h1");
    }

    @Test
    void rotateWhenSuccessorIsCurrentThenRotatesAgain() {
        String id = create("h0");
        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));

        RotationOutcome outcome = store().rotate(attempt(id, 1, "h1", "h2", start.plusSeconds(2)));

        assertThat(outcome).isEqualTo(new Rotated(userId));
    }

    @Test
    void rotateWhenSpentTokenWithinLeewayThenRetriedAndNothingChanges() {
        String id = create("h0");
        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));

        RotationOutcome outcome = store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1).plus(LEEWAY)));

        assertThat(outcome).isEqualTo(new Retried(userId));
        SessionStore.TokenState state = store().tokenState(id, start.plusSeconds(2)).orElseThrow();
        assertThat(state.generation()).isEqualTo(1);
        assertThat(state.currentHash()).isEqualTo("h1");
    }

    @Test
    void rotateWhenSpentTokenAfterLeewayThenReusedAndSessionRevoked() {
        String id = create("h0");
        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));
        Instant late = start.plusSeconds(1).plus(LEEWAY).plusMillis(1);

        RotationOutcome outcome = store().rotate(attempt(id, 0, "h0", "h1", late));

        assertThat(outcome).isEqualTo(new Reused(userId));
        assertThat(store().find(id, late)).isEmpty();
        assertThat(store().rotate(attempt(id, 1, "h1", "h2", late))).isInstanceOf(Rejected.class);
    }

    @Test
    void rotateWhenOlderGenerationThenStaleWithCurrentHash() {
        String id = create("h0");
        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));
        store().rotate(attempt(id, 1, "h1", "h2", start.plusSeconds(2)));

        RotationOutcome outcome = store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(3)));

        assertThat(outcome).isEqualTo(new Stale(userId, 2, "h2"));
        assertThat(store().find(id, start.plusSeconds(3))).isPresent();
    }

    @Test
    void rotateWhenHashDoesNotMatchThenRejectedAndSessionKept() {
        String id = create("h0");

        RotationOutcome outcome = store().rotate(attempt(id, 0, "forged", "x", start.plusSeconds(1)));

        assertThat(outcome).isEqualTo(new Rejected(RotationOutcome.Reason.MISMATCH));
        assertThat(store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(2)))).isEqualTo(new Rotated(userId));
    }

    @Test
    void rotateWhenSessionUnknownThenRejected() {
        RotationOutcome outcome = store().rotate(attempt("unknown-session-id-0000", 0, "h0", "h1", start));

        assertThat(outcome).isEqualTo(new Rejected(RotationOutcome.Reason.UNKNOWN_SESSION));
    }

    @Test
    void rotateWhenAbsoluteLifetimePassedThenRejectedEvenIfRefreshedOften() {
        String id = create("h0");
        Instant now = start;
        for (int generation = 0; generation < 4; generation++) {
            now = now.plus(Duration.ofDays(7));
            assertThat(store().rotate(attempt(id, generation, "h" + generation, "h" + (generation + 1), now)))
                    .isEqualTo(new Rotated(userId));
        }

        RotationOutcome outcome = store().rotate(attempt(id, 4, "h4", "h5", start.plus(ABSOLUTE)));

        assertThat(outcome).isEqualTo(new Rejected(RotationOutcome.Reason.EXPIRED));
        assertThat(store().find(id, start.plus(ABSOLUTE))).isEmpty();
    }

    @Test
    void rotateWhenIdleLifetimePassedThenRejected() {
        String id = create("h0");

        RotationOutcome outcome = store().rotate(attempt(id, 0, "h0", "h1", start.plus(IDLE)));

        assertThat(outcome).isEqualTo(new Rejected(RotationOutcome.Reason.EXPIRED));
    }

    @Test
    void rotateWhenFiftyConcurrentPresentationsThenExactlyOneRotates() throws Exception {
        String id = create("h0");
        int threads = 50;
        CountDownLatch gate = new CountDownLatch(1);
        List<Callable<RotationOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> {
                gate.await();
                return store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));
            });
        }

        List<RotationOutcome> outcomes = Concurrently.run(tasks, gate);

        assertThat(outcomes).filteredOn(Rotated.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Retried.class::isInstance).hasSize(threads - 1);
        assertThat(store().tokenState(id, start.plusSeconds(1)).orElseThrow().generation()).isEqualTo(1);
    }

    @Test
    void revokeWhenSessionLiveThenGoneAndSecondRevokeReturnsFalse() {
        String id = create("h0");

        assertThat(store().revoke(id)).isTrue();

        assertThat(store().find(id, start)).isEmpty();
        assertThat(store().revoke(id)).isFalse();
    }

    @Test
    void listByUserWhenOneRevokedThenListsOnlyLiveSessions() {
        String first = create("a0");
        String second = create("b0");
        store().revoke(first);

        List<SessionDetails> sessions = store().listByUser(userId, start);

        assertThat(sessions).extracting(SessionDetails::id).containsExactly(second);
    }

    @Test
    void revokeAllByUserWhenKeepingOneThenOthersEnd() {
        String kept = create("a0");
        String other = create("b0");
        String third = create("c0");

        int revoked = store().revokeAllByUser(userId, kept);

        assertThat(revoked).isEqualTo(2);
        assertThat(store().find(kept, start)).isPresent();
        assertThat(store().find(other, start)).isEmpty();
        assertThat(store().find(third, start)).isEmpty();
    }

    @Test
    void revokeAllByUserWhenNoneKeptThenAllEnd() {
        create("a0");
        create("b0");

        assertThat(store().revokeAllByUser(userId, null)).isEqualTo(2);
        assertThat(store().listByUser(userId, start)).isEmpty();
    }

    @Test
    void rotateWhenSessionOfClientPresentedByItThenRotated() {
        String id = createForClient("h0", "gh_client-a");

        RotationOutcome outcome = store().rotate(attemptByClient(id, 0, "h0", "h1", start.plusSeconds(1), "gh_client-a"));

        assertThat(outcome).isEqualTo(new Rotated(userId));
        assertThat(store().tokenState(id, start.plusSeconds(1)).orElseThrow().clientId()).isEqualTo("gh_client-a");
        assertThat(store().find(id, start.plusSeconds(1)).orElseThrow().clientId()).isEqualTo("gh_client-a");
    }

    @Test
    void rotateWhenSessionOfClientPresentedByAnotherThenRejectedAndNothingChanges() {
        String id = createForClient("h0", "gh_client-a");

        RotationOutcome byOther = store().rotate(attemptByClient(id, 0, "h0", "h1", start.plusSeconds(1), "gh_client-b"));
        RotationOutcome byNone = store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));

        assertThat(byOther).isEqualTo(new Rejected(RotationOutcome.Reason.WRONG_CLIENT));
        assertThat(byNone).isEqualTo(new Rejected(RotationOutcome.Reason.WRONG_CLIENT));
        assertThat(store().tokenState(id, start.plusSeconds(1)).orElseThrow().generation()).isZero();
    }

    @Test
    void rotateWhenSessionWithoutClientPresentedByClientThenRejected() {
        String id = create("h0");

        RotationOutcome outcome = store().rotate(attemptByClient(id, 0, "h0", "h1", start.plusSeconds(1), "gh_client-a"));

        assertThat(outcome).isEqualTo(new Rejected(RotationOutcome.Reason.WRONG_CLIENT));
        assertThat(store().tokenState(id, start.plusSeconds(1)).orElseThrow().clientId()).isNull();
    }

    @Test
    void rotateWhenRetryByAnotherClientThenRejected() {
        String id = createForClient("h0", "gh_client-a");
        store().rotate(attemptByClient(id, 0, "h0", "h1", start.plusSeconds(1), "gh_client-a"));

        RotationOutcome outcome = store().rotate(attemptByClient(id, 0, "h0", "h1", start.plusSeconds(2), "gh_client-b"));

        assertThat(outcome).isEqualTo(new Rejected(RotationOutcome.Reason.WRONG_CLIENT));
        assertThat(store().find(id, start.plusSeconds(2))).isPresent();
    }

    @Test
    void rotateWhenReuseByAnotherClientThenStillReused() {
        String id = createForClient("h0", "gh_client-a");
        store().rotate(attemptByClient(id, 0, "h0", "h1", start.plusSeconds(1), "gh_client-a"));
        Instant late = start.plusSeconds(1).plus(LEEWAY).plusMillis(1);

        RotationOutcome outcome = store().rotate(attemptByClient(id, 0, "h0", "h1", late, "gh_client-b"));

        assertThat(outcome).isEqualTo(new Reused(userId));
        assertThat(store().find(id, late)).isEmpty();
    }

    @Test
    void revocationsSinceWhenRevokedThenListed() {
        String id = create("h0");

        store().revoke(id);

        assertThat(revokedIds(Instant.EPOCH)).containsExactly(id);
    }

    @Test
    void revocationsSinceWhenReuseDetectedThenListed() {
        String id = create("h0");
        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));

        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1).plus(LEEWAY).plusMillis(1)));

        assertThat(revokedIds(Instant.EPOCH)).containsExactly(id);
    }

    @Test
    void revocationsSinceWhenAllOfUserRevokedThenEachListedButKept() {
        String kept = create("a0");
        String other = create("b0");
        String third = create("c0");

        store().revokeAllByUser(userId, kept);

        assertThat(revokedIds(Instant.EPOCH)).containsExactlyInAnyOrder(other, third);
    }

    @Test
    void revocationsSinceWhenNothingEndedThenEmpty() {
        String id = create("h0");
        store().rotate(attempt(id, 0, "h0", "h1", start.plusSeconds(1)));
        store().rotate(attempt(id, 1, "forged", "x", start.plusSeconds(2)));

        boolean revoked = store().revoke("unknown-session-id-0000");

        assertThat(revoked).isFalse();
        assertThat(revokedIds(Instant.EPOCH)).isEmpty();
    }

    @Test
    void revocationsSinceWhenRevokedTwiceThenListedOnce() {
        String id = create("h0");
        store().revoke(id);

        store().revoke(id);

        assertThat(revokedIds(Instant.EPOCH)).containsExactly(id);
    }

    @Test
    void revocationsSinceWhenEarlierEntriesThenOnlyLaterListedInOrder() {
        String before = create("a0");
        store().revoke(before);
        elapse(Duration.ofMillis(5));
        Instant since = store().revocationsSince(Instant.EPOCH, 10).now();
        elapse(Duration.ofMillis(5));
        String first = create("b0");
        String second = create("c0");
        store().revoke(first);
        elapse(Duration.ofMillis(2));
        store().revoke(second);

        SessionStore.RevocationLog log = store().revocationsSince(since, 10);

        assertThat(log.revocations()).extracting(SessionStore.Revocation::sessionId).containsExactly(first, second);
        assertThat(log.revocations().get(0).revokedAt()).isAfterOrEqualTo(since);
        assertThat(log.revocations().get(1).revokedAt()).isAfter(log.revocations().get(0).revokedAt());
        assertThat(log.now()).isAfterOrEqualTo(log.revocations().get(1).revokedAt());
    }

    @Test
    void revocationsSinceWhenSinceEqualsEntryTimeThenIncluded() {
        String id = create("h0");
        store().revoke(id);
        Instant revokedAt = store().revocationsSince(Instant.EPOCH, 10).revocations().getFirst().revokedAt();

        assertThat(revokedIds(revokedAt)).containsExactly(id);
        assertThat(revokedIds(revokedAt.plusMillis(1))).isEmpty();
    }

    @Test
    void revocationsSinceWhenManyEndAtOnceThenTimesDistinct() {
        for (int i = 0; i < 5; i++) {
            create("h" + i);
        }

        store().revokeAllByUser(userId, null);

        SessionStore.RevocationLog log = store().revocationsSince(Instant.EPOCH, 10);
        assertThat(log.revocations()).hasSize(5);
        assertThat(log.revocations()).extracting(SessionStore.Revocation::revokedAt).doesNotHaveDuplicates().isSorted();
        assertThat(log.now()).isAfterOrEqualTo(log.revocations().getLast().revokedAt());
    }

    @Test
    void revocationsSinceWhenMoreThanMaxThenOldestMax() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = create("h" + i);
            store().revoke(id);
            ids.add(id);
            elapse(Duration.ofMillis(2));
        }

        SessionStore.RevocationLog log = store().revocationsSince(Instant.EPOCH, 3);

        assertThat(log.revocations()).extracting(SessionStore.Revocation::sessionId).containsExactlyElementsOf(ids.subList(0, 3));
    }

    @Test
    void revocationsSinceWhenRetentionPassedThenEntryGone() {
        Duration retention = Duration.ofMillis(300);
        SessionStore shortFeed = storeWithRetention(retention);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        shortFeed.create(new NewSession(id, userId, "h0", start, start.plus(ABSOLUTE), null, null, null));
        shortFeed.revoke(id);
        assertThat(shortFeed.revocationsSince(Instant.EPOCH, 10).revocations()).hasSize(1);

        elapse(retention.plusMillis(50));

        assertThat(shortFeed.revocationsSince(Instant.EPOCH, 10).revocations()).isEmpty();
    }

    List<String> revokedIds(Instant since) {
        return store().revocationsSince(since, 100).revocations().stream()
                .map(SessionStore.Revocation::sessionId)
                .toList();
    }

    String create(String tokenHash) {
        return createForClient(tokenHash, null);
    }

    String createForClient(String tokenHash, @Nullable String clientId) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        store().create(new NewSession(id, userId, tokenHash, start, start.plus(ABSOLUTE), "test-agent", "127.0.0.1",
                clientId));
        return id;
    }

    static RotationAttempt attempt(String id, long generation, String presented, String successor, Instant now) {
        return attemptByClient(id, generation, presented, successor, now, null);
    }

    static RotationAttempt attemptByClient(String id, long generation, String presented, String successor, Instant now,
            @Nullable String clientId) {
        return new RotationAttempt(id, generation, presented, successor, now, LEEWAY, clientId);
    }
}
