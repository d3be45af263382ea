package dev.gatehouse.starter.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.gatehouse.starter.support.TestIssuer;
import dev.gatehouse.starter.token.IssuerHttpClient;
import dev.gatehouse.starter.token.IssuerMetadataResolver;
import dev.gatehouse.starter.token.IssuerUnavailableException;

class RevocationFeedTest {

    private final TestIssuer issuer = new TestIssuer();
    private final IssuerHttpClient httpClient = new IssuerHttpClient();
    private final RevokedSessions sessions = new RevokedSessions(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Clock.systemUTC());
    private final RevocationFeed feed = new RevocationFeed(
            new IssuerMetadataResolver(URI.create(issuer.issuer()), httpClient), httpClient, sessions,
            Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        feed.stop();
        httpClient.destroy();
        issuer.close();
    }

    @Test
    void pollWhenPageCappedThenNextPageReadAtOnce() {
        long base = System.currentTimeMillis() - 60_000;
        for (int i = 0; i < 2 * RevocationFeed.PAGE_LIMIT + 5; i++) {
            issuer.revokeAt("session-" + i, base + i);
        }

        feed.poll();

        assertThat(issuer.feedRequests()).isEqualTo(3);
        assertThat(sessions.size()).isEqualTo(2 * RevocationFeed.PAGE_LIMIT + 5);
        assertThat(sessions.isRevoked("session-0")).isTrue();
        assertThat(sessions.isRevoked("session-" + (2 * RevocationFeed.PAGE_LIMIT + 4))).isTrue();
        assertThat(sessions.isCurrent()).isTrue();
    }

    @Test
    void pollWhenFeedUnavailableThenNotCurrent() {
        issuer.setFeedAvailable(false);

        assertThatThrownBy(feed::poll).isInstanceOf(org.springframework.web.client.RestClientException.class);

        assertThat(sessions.isCurrent()).isFalse();
    }

    @Test
    void pollWhenIssuerDownThenIssuerUnavailable() {
        issuer.stop();

        assertThatThrownBy(feed::poll).isInstanceOf(IssuerUnavailableException.class);

        assertThat(sessions.isCurrent()).isFalse();
    }

    @Test
    void pollWhenCalledAgainThenContinuesAtUntil() {
        issuer.revoke("first");
        feed.poll();

        issuer.revoke("second");
        feed.poll();

        assertThat(sessions.isRevoked("first")).isTrue();
        assertThat(sessions.isRevoked("second")).isTrue();
        assertThat(sessions.size()).isEqualTo(2);
    }

    @Test
    void pollWhenTokenOutlivesDroppedRevocationThenFeedReadFromStart() {
        Instant now = Instant.now();
        issuer.revokeAt("long-lived", now.minus(Duration.ofMinutes(30)).toEpochMilli());
        feed.poll();
        // 30 minutes is past the 16 min + 30 s + 1 min that ids are kept while no longer token was seen.
        assertThat(sessions.isRevoked("long-lived")).isFalse();
        Jwt token = Jwt.withTokenValue("token").header("alg", "RS256").claim("sid", "long-lived")
                .issuedAt(now.minus(Duration.ofMinutes(40))).expiresAt(now.plus(Duration.ofMinutes(20))).build();
        Jwt recentToken = Jwt.withTokenValue("token").header("alg", "RS256").claim("sid", "other")
                .issuedAt(now.minus(Duration.ofMinutes(1))).expiresAt(now.plus(Duration.ofMinutes(14))).build();

        sessions.observe(token);

        assertThat(sessions.mayHaveBeenDropped(recentToken)).isFalse();
        assertThat(sessions.mayHaveBeenDropped(token)).isTrue();

        feed.poll();

        assertThat(sessions.isRevoked("long-lived")).isTrue();
        assertThat(sessions.mayHaveBeenDropped(token)).isFalse();
        assertThat(issuer.feedRequests()).isEqualTo(2);
    }

    @Test
    void pruneWhenTokensOfSessionExpiredThenDropped() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        RevokedSessions pruned = new RevokedSessions(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Clock.fixed(now, ZoneOffset.UTC));
        // Kept for 16 min + 30 s skew + 1 min margin.
        pruned.add("old", now.minus(Duration.ofMinutes(18)));
        pruned.add("recent", now.minus(Duration.ofMinutes(17)));

        int dropped = pruned.prune();

        assertThat(dropped).isEqualTo(1);
        assertThat(pruned.isRevoked("old")).isFalse();
        assertThat(pruned.isRevoked("recent")).isTrue();
    }
}
