package dev.gatehouse.starter.revocation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import dev.gatehouse.starter.token.IssuerHttpClient;
import dev.gatehouse.starter.token.IssuerMetadataResolver;
import dev.gatehouse.starter.token.IssuerUnavailableException;

/**
 * Reads the issuer's feed of revoked sessions ({@code GET {feed}?since=<epoch ms>}) on one daemon thread,
 * every poll interval, and stores the session ids in {@link RevokedSessions}.
 *
 * <p>The first read requests {@code since=0}: the issuer keeps entries only while tokens of their
 * sessions can still be valid, so this returns exactly the revocations that matter, without comparing
 * this machine's clock with the issuer's. Each later read continues at the previous response's
 * {@code until}. A response with {@link #PAGE_LIMIT} entries is capped, and the next page is read at once
 * with {@code since=until}; only when a page under the cap arrives is the read complete.
 */
public final class RevocationFeed implements SmartLifecycle {

    /** Entries per response at which the issuer caps the feed. */
    public static final int PAGE_LIMIT = 1000;
    /** Pages read back to back in one poll before the rest is left for the next poll. */
    static final int MAX_PAGES_PER_POLL = 100;

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private final IssuerMetadataResolver metadataResolver;
    private final IssuerHttpClient httpClient;
    private final RevokedSessions sessions;
    private final Duration pollInterval;
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean stopping;
    /** Start of the next read, in the issuer's epoch milliseconds. Only the feed thread touches it. */
    private long since;
    private boolean failing;
    private long lastFailureLogNanos;
    private int failuresSinceLog;

    public RevocationFeed(IssuerMetadataResolver metadataResolver, IssuerHttpClient httpClient,
            RevokedSessions sessions, Duration pollInterval) {
        this.metadataResolver = metadataResolver;
        this.httpClient = httpClient;
        this.sessions = sessions;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("gatehouse-revocation-feed")
                .daemon(true)
                .factory());
        executor.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Started reading the Gatehouse revocation feed every {} ms", pollInterval.toMillis());
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(IssuerHttpClient.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("The revocation feed thread did not stop within {} ms", IssuerHttpClient.TIMEOUT.toMillis() * 2);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        log.info("Stopped reading the Gatehouse revocation feed");
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Runs one poll; an exception must not escape, because it would cancel the schedule. */
    private void pollSafely() {
        try {
            poll();
        } catch (IssuerUnavailableException | RestClientException | InvalidFeedException exception) {
            if (stopping) {
                // stop() interrupted the request in flight; that is no failure of the feed.
                return;
            }
            recordFailure(exception);
        } catch (RuntimeException unexpected) {
            log.error("Unexpected failure while reading the Gatehouse revocation feed", unexpected);
        }
    }

    /** Reads the feed until a page under the cap arrives, then marks the read complete. */
    void poll() {
        long startedNanos = System.nanoTime();
        URI feed = metadataResolver.metadata().revokedSessionsUri();
        if (sessions.takeReadFromStartRequest() && since != 0) {
            log.info("Reading the revocation feed from the start, because a token lives longer than the revoked "
                    + "session ids were kept");
            since = 0;
        }
        boolean fromStart = since == 0;

        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            FeedPage response = httpClient.getJson(pageUri(feed, since), FeedPage.class);
            List<FeedPage.Entry> entries = response.validated();
            for (FeedPage.Entry entry : entries) {
                sessions.add(entry.sid(), Instant.ofEpochMilli(entry.revokedAt()));
            }
            since = response.until();
            if (!entries.isEmpty()) {
                log.debug("Revocation feed: {} revoked sessions up to {}", entries.size(), since);
            }
            if (entries.size() < PAGE_LIMIT) {
                completeRead(startedNanos, fromStart);
                return;
            }
        }
        log.warn("The revocation feed returned more than {} pages of {} entries in one poll; continuing next poll",
                MAX_PAGES_PER_POLL, PAGE_LIMIT);
    }

    private void completeRead(long startedNanos, boolean fromStart) {
        sessions.markCompleteRead(startedNanos, fromStart);
        int dropped = sessions.prune();
        if (dropped > 0) {
            log.debug("Dropped {} revoked sessions whose tokens have expired", dropped);
        }
        if (failing) {
            log.info("The Gatehouse revocation feed is readable again");
            failing = false;
        }
    }

    private static URI pageUri(URI feed, long since) {
        return UriComponentsBuilder.fromUri(feed).replaceQueryParam("since", since).build(true).toUri();
    }

    private void recordFailure(Exception exception) {
        long now = System.nanoTime();
        failuresSinceLog++;
        if (!failing || now - lastFailureLogNanos >= FAILURE_LOG_INTERVAL.toNanos()) {
            log.warn("Failed to read the Gatehouse revocation feed ({} failed polls since the last report); "
                    + "requests with a token get 503 once the last complete read is older than the max staleness: {}",
                    failuresSinceLog, exception.toString());
            lastFailureLogNanos = now;
            failuresSinceLog = 0;
        }
        failing = true;
    }

    /** One response of the feed. Jackson binds missing members to null and 0, which {@link #validated} rejects. */
    record FeedPage(@Nullable List<Entry> revoked, long until) {

        record Entry(@Nullable String sid, long revokedAt) {
        }

        List<Entry> validated() {
            if (revoked == null || until <= 0) {
                throw new InvalidFeedException("The revocation feed response lacks revoked or until");
            }
            for (Entry entry : revoked) {
                if (entry == null || entry.sid() == null || entry.sid().isBlank() || entry.revokedAt() <= 0) {
                    throw new InvalidFeedException("The revocation feed response has an entry without sid or revokedAt");
                }
            }
            return revoked;
        }
    }

    static final class InvalidFeedException extends RuntimeException {

        InvalidFeedException(String message) {
            super(message);
        }
    }
}
