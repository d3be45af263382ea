package dev.gatehouse.starter.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.gatehouse.starter.support.HttpTestClient;
import dev.gatehouse.starter.support.StarterTestSupport;

class RevocationTest extends StarterTestSupport {

    @Test
    void requestWhenSessionRevokedThenRejectedWithinTwoSeconds() {
        UUID userId = UUID.randomUUID();
        String sessionId = UUID.randomUUID().toString();
        String token = tokenFor(userId, sessionId);
        assertThat(get("/me", token).statusCode()).isEqualTo(200);

        long revokedAt = System.nanoTime();
        ISSUER.revoke(sessionId);

        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/me", token).statusCode() == 401);
        Duration took = Duration.ofNanos(System.nanoTime() - revokedAt);
        HttpResponse<String> response = get("/me", token);
        assertThat(HttpTestClient.code(response)).isEqualTo("invalid_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void requestWhenOtherSessionOfSameUserRevokedThenAllowed() {
        UUID userId = UUID.randomUUID();
        String revokedSession = UUID.randomUUID().toString();
        String liveSession = UUID.randomUUID().toString();
        String revokedToken = tokenFor(userId, revokedSession);
        String liveToken = tokenFor(userId, liveSession);

        ISSUER.revoke(revokedSession);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/me", revokedToken).statusCode() == 401);

        assertThat(get("/me", liveToken).statusCode()).isEqualTo(200);
    }

    @Test
    void publicEndpointWhenTokenOfRevokedSessionThenInvalidToken() {
        String sessionId = UUID.randomUUID().toString();
        String token = tokenFor(UUID.randomUUID(), sessionId);

        ISSUER.revoke(sessionId);

        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/public/hello", token).statusCode() == 401);
        assertThat(get("/public/hello", null).statusCode()).isEqualTo(200);
    }
}
