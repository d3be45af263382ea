package dev.gatehouse.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.starter.app.TestApplication;
import dev.gatehouse.starter.support.HttpTestClient;
import dev.gatehouse.starter.support.TestApps;
import dev.gatehouse.starter.support.TestIssuer;

/** Tests {@code gatehouse.public-paths} on the application port and on a separate management port. */
class PublicPathsTest {

    private static final String PUBLIC_PATHS = "gatehouse.public-paths=/plain,/actuator/health,/actuator/health/**";

    private static TestIssuer issuer;
    private static ConfigurableApplicationContext app;
    private static HttpTestClient http;

    @BeforeAll
    static void startService() {
        issuer = new TestIssuer();
        app = TestApps.start(TestApplication.class, issuer.issuer(), PUBLIC_PATHS,
                "gatehouse.revocation.poll-interval=100ms", "management.endpoint.health.probes.enabled=true");
        http = TestApps.client(app);
    }

    @AfterAll
    static void stopService() {
        app.close();
        issuer.close();
    }

    @Test
    void publicPathWhenNoTokenThenAllowed() {
        HttpResponse<String> response = http.get("/plain", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("plain");
    }

    @Test
    void otherPathWhenNoTokenThenUnauthenticated() {
        HttpResponse<String> response = http.get("/mixed/roles", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpTestClient.code(response)).isEqualTo("unauthenticated");
    }

    @Test
    void publicPathWhenTokenExpiredThenInvalidToken() {
        HttpResponse<String> response = http.get("/plain", expiredToken(issuer));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpTestClient.code(response)).isEqualTo("invalid_token");
    }

    @Test
    void publicPathWhenTokenValidThenAllowed() {
        String token = issuer.token(claims -> { });

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/plain", token).statusCode() == 200);
    }

    @Test
    void publicPathWhenCurrentUserRequiredThenUnauthenticated() {
        try (ConfigurableApplicationContext withMe = TestApps.start(TestApplication.class, issuer.issuer(),
                "gatehouse.public-paths=/me")) {
            HttpResponse<String> response = TestApps.client(withMe).get("/me", null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(HttpTestClient.code(response)).isEqualTo("unauthenticated");
        }
    }

    @Test
    void healthWhenPublicPathThenServedWithoutToken() {
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void infoWhenNotPublicThenUnauthenticated() {
        assertThat(HttpTestClient.code(http.get("/actuator/info", null))).isEqualTo("unauthenticated");
    }

    @Test
    void managementPortWhenHealthPublicThenServed() {
        try (ConfigurableApplicationContext separate = TestApps.start(TestApplication.class, issuer.issuer(),
                PUBLIC_PATHS, "management.server.port=0", "management.server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health,info")) {
            HttpTestClient management = new HttpTestClient(Integer.parseInt(Objects.requireNonNull(
                    separate.getEnvironment().getProperty("local.management.port"))));

            assertThat(management.get("/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(HttpTestClient.code(management.get("/actuator/health", expiredToken(issuer))))
                    .isEqualTo("invalid_token");
            assertThat(HttpTestClient.code(management.get("/actuator/info", null))).isEqualTo("unauthenticated");
        }
    }

    @Test
    void managementPortWhenNoPublicPathsThenUnauthenticated() {
        try (ConfigurableApplicationContext separate = TestApps.start(TestApplication.class, issuer.issuer(),
                "management.server.port=0", "management.server.address=127.0.0.1")) {
            HttpTestClient management = new HttpTestClient(Integer.parseInt(Objects.requireNonNull(
                    separate.getEnvironment().getProperty("local.management.port"))));

            assertThat(HttpTestClient.code(management.get("/actuator/health", null))).isEqualTo("unauthenticated");
        }
    }

    private static String expiredToken(TestIssuer issuer) {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        return issuer.token(claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(15)))));
    }
}
