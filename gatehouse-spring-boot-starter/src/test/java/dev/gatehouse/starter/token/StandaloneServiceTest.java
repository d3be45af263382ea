package dev.gatehouse.starter.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.starter.app.TestApplication;
import dev.gatehouse.starter.support.HttpTestClient;
import dev.gatehouse.starter.support.TestApps;
import dev.gatehouse.starter.support.TestIssuer;

/** Tests that each start a service and an issuer of their own, for outages, settings and shutdown. */
class StandaloneServiceTest {

    @Test
    void startWhenIssuerDownThenRequestsUnavailableUntilIssuerUp() {
        try (TestIssuer issuer = new TestIssuer()) {
            issuer.stop();
            try (ConfigurableApplicationContext app = TestApps.start(TestApplication.class, issuer.issuer(),
                    "gatehouse.revocation.poll-interval=100ms", "gatehouse.revocation.max-staleness=2s")) {
                HttpTestClient http = TestApps.client(app);
                String token = issuer.token(claims -> { });

                HttpResponse<String> unavailable = http.get("/me", token);
                assertThat(unavailable.statusCode()).isEqualTo(503);
                assertThat(HttpTestClient.code(unavailable)).isEqualTo("issuer_unavailable");
                assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
                assertThat(http.get("/public/hello", null).statusCode()).isEqualTo(200);
                assertThat(HttpTestClient.code(http.get("/me", null))).isEqualTo("unauthenticated");

                issuer.start();

                Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> http.get("/me", token).statusCode() == 200);
            }
        }
    }

    @Test
    void requestWhenFeedDownBeyondMaxStalenessThenRevocationStatusUnknown() {
        try (TestIssuer issuer = new TestIssuer();
                ConfigurableApplicationContext app = TestApps.start(TestApplication.class, issuer.issuer(),
                        "gatehouse.revocation.poll-interval=100ms", "gatehouse.revocation.max-staleness=1s")) {
            HttpTestClient http = TestApps.client(app);
            String token = issuer.token(claims -> { });
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/me", token).statusCode() == 200);

            issuer.setFeedAvailable(false);

            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/me", token).statusCode() == 503);
            HttpResponse<String> stale = http.get("/me", token);
            assertThat(HttpTestClient.code(stale)).isEqualTo("revocation_status_unknown");
            assertThat(http.get("/public/hello", null).statusCode()).isEqualTo(200);

            issuer.setFeedAvailable(true);

            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/me", token).statusCode() == 200);
        }
    }

    @Test
    void requestWhenJwksCacheExpiredThenRefetchedOrIssuerUnavailable() {
        try (TestIssuer issuer = new TestIssuer();
                ConfigurableApplicationContext app = TestApps.start(TestApplication.class, issuer.issuer(),
                        "gatehouse.revocation.enabled=false", "gatehouse.jwks.cache-lifetime=500ms")) {
            HttpTestClient http = TestApps.client(app);
            String token = issuer.token(claims -> { });
            assertThat(http.get("/me", token).statusCode()).isEqualTo(200);
            int fetches = issuer.jwksRequests();

            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/me", token).statusCode() == 200 && issuer.jwksRequests() > fetches);
            issuer.stop();

            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/me", token).statusCode() == 503);
            assertThat(HttpTestClient.code(http.get("/me", token))).isEqualTo("issuer_unavailable");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA"})
    void requestWhenIssuerSignsWithAlgorithmThenAccepted(String algorithm) {
        try (TestIssuer issuer = new TestIssuer(JWSAlgorithm.parse(algorithm));
                ConfigurableApplicationContext app = TestApps.start(TestApplication.class, issuer.issuer(),
                        "gatehouse.revocation.poll-interval=100ms")) {
            HttpTestClient http = TestApps.client(app);
            String token = issuer.token(claims -> { });

            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/me", token).statusCode() == 200);
        }
    }

    @Test
    void requestWhenIssuerUriNamesLocalhostThenIssuerUnavailable() {
        try (TestIssuer issuer = new TestIssuer();
                ConfigurableApplicationContext app = TestApps.start(TestApplication.class,
                        issuer.issuer().replace("127.0.0.1", "localhost"), "gatehouse.revocation.enabled=false")) {
            HttpTestClient http = TestApps.client(app);

            HttpResponse<String> response = http.get("/me", issuer.token(claims -> { }));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(HttpTestClient.code(response)).isEqualTo("issuer_unavailable");
        }
    }

    @Test
    void requestWhenRevocationDisabledThenFeedNeverRead() {
        try (TestIssuer issuer = new TestIssuer();
                ConfigurableApplicationContext app = TestApps.start(TestApplication.class, issuer.issuer(),
                        "gatehouse.revocation.enabled=false")) {
            HttpTestClient http = TestApps.client(app);
            issuer.setFeedAvailable(false);

            assertThat(http.get("/me", issuer.token(claims -> { })).statusCode()).isEqualTo(200);
            assertThat(issuer.feedRequests()).isZero();
        }
    }

    @Test
    void closeWhenContextClosedThenFeedStopsPolling() throws InterruptedException {
        try (TestIssuer issuer = new TestIssuer()) {
            // Other tests' services, cached by Spring's test context, run feed threads of their own.
            Set<Thread> otherFeedThreads = feedThreads();
            ConfigurableApplicationContext app = TestApps.start(TestApplication.class, issuer.issuer(),
                    "gatehouse.revocation.poll-interval=50ms");
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> issuer.feedRequests() > 0);

            app.close();
            int afterClose = issuer.feedRequests();
            Thread.sleep(300);

            assertThat(issuer.feedRequests()).isEqualTo(afterClose);
            assertThat(feedThreads()).isSubsetOf(otherFeedThreads);
        }
    }

    private static Set<Thread> feedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("gatehouse-revocation-feed") && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
