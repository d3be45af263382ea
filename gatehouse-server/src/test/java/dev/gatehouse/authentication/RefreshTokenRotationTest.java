package dev.gatehouse.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.gatehouse.support.Concurrently;
import dev.gatehouse.support.GatehouseClient;
import dev.gatehouse.support.GatehouseClient.Tokens;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;

/** Refresh-token rotation and reuse detection through the HTTP API, on real Redis and PostgreSQL. */
class RefreshTokenRotationTest extends IntegrationTest {

    private static final Duration PAST_LEEWAY = Duration.ofSeconds(11);

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    GatehouseClient client;

    @BeforeEach
    void createClient() {
        client = new GatehouseClient(mvc);
    }

    @Test
    void refreshWhenTokenCurrentThenNewPairAndSuccessorWorks() throws Exception {
        Tokens first = client.newSignedInUser();

        MvcResult result = client.refresh(first.refreshToken());

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        Tokens second = Tokens.from(result);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(client.refresh(second.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void refreshWhenRetriedWithinLeewayThenSameSuccessorAndFreshAccessToken() throws Exception {
        Tokens first = client.newSignedInUser();
        Tokens second = Tokens.from(client.refresh(first.refreshToken()));
        clock.advance(Duration.ofSeconds(9));

        Tokens retried = Tokens.from(client.refresh(first.refreshToken()));

        assertThat(retried.refreshToken()).isEqualTo(second.refreshToken());
        assertThat(retried.accessToken()).isNotEqualTo(second.accessToken());
        assertThat(client.refresh(second.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void refreshWhenTokenReusedAfterLeewayThenSessionRevoked() throws Exception {
        double reusesBefore = reuseCount();
        Tokens first = client.newSignedInUser();
        Tokens second = Tokens.from(client.refresh(first.refreshToken()));
        clock.advance(PAST_LEEWAY);

        MvcResult reuse = client.refresh(first.refreshToken());

        assertInvalidGrant(reuse);
        assertInvalidGrant(client.refresh(second.refreshToken()));
        assertThat(client.getWithBearer("/users/me", second.accessToken()).getResponse().getStatus()).isEqualTo(401);
        assertThat(reuseCount()).isEqualTo(reusesBefore + 1);
    }

    @Test
    void refreshWhenAncestorPresentedWithinLeewayThenSessionRevoked() throws Exception {
        Tokens first = client.newSignedInUser();
        Tokens second = Tokens.from(client.refresh(first.refreshToken()));
        Tokens third = Tokens.from(client.refresh(second.refreshToken()));

        assertInvalidGrant(client.refresh(first.refreshToken()));

        assertInvalidGrant(client.refresh(third.refreshToken()));
    }

    @Test
    void refreshWhenReusedThenResponseEqualsUnknownTokenResponse() throws Exception {
        Tokens first = client.newSignedInUser();
        client.refresh(first.refreshToken());
        clock.advance(PAST_LEEWAY);

        String reuseBody = client.refresh(first.refreshToken()).getResponse().getContentAsString();
        String unknownBody = client.refresh("AAAAAAAAAAAAAAAAAAAAAA.0." + "A".repeat(43)).getResponse().getContentAsString();

        assertThat(reuseBody).isEqualTo(unknownBody);
    }

    @Test
    void refreshWhenFiftyConcurrentRequestsWithOneTokenThenOneLiveChain() throws Exception {
        Tokens first = client.newSignedInUser();
        CountDownLatch gate = new CountDownLatch(1);
        List<Callable<MvcResult>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(() -> {
                gate.await();
                return client.refresh(first.refreshToken());
            });
        }

        List<MvcResult> results = Concurrently.run(requests, gate);

        List<String> successors = new ArrayList<>();
        for (MvcResult result : results) {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            successors.add(Tokens.from(result).refreshToken());
        }
        assertThat(successors).hasSize(50).containsOnly(successors.getFirst());
        Tokens next = Tokens.from(client.refresh(successors.getFirst()));
        assertThat(sessionCount(next.accessToken())).isEqualTo(1);
    }

    @Test
    void signInWhenTwoDevicesThenReuseOnOneLeavesTheOther() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        client.signUp(email);
        Tokens laptop = client.signIn(email);
        Tokens phone = client.signIn(email);
        client.refresh(laptop.refreshToken());
        clock.advance(PAST_LEEWAY);

        assertInvalidGrant(client.refresh(laptop.refreshToken()));

        assertThat(client.refresh(phone.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void signOutWhenCalledThenRefreshTokenAndAccessTokenRejected() throws Exception {
        Tokens tokens = client.newSignedInUser();

        MvcResult signOut = client.signOut(tokens.refreshToken());

        assertThat(signOut.getResponse().getStatus()).isEqualTo(204);
        assertInvalidGrant(client.refresh(tokens.refreshToken()));
        assertThat(client.getWithBearer("/users/me", tokens.accessToken()).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void signOutWhenTokenUnknownThenNoContentAndNothingRevoked() throws Exception {
        Tokens tokens = client.newSignedInUser();
        String sessionId = tokens.refreshToken().substring(0, 22);

        MvcResult signOut = client.signOut(sessionId + ".0." + "B".repeat(43));

        assertThat(signOut.getResponse().getStatus()).isEqualTo(204);
        assertThat(client.refresh(tokens.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void refreshWhenAbsoluteLifetimePassedThenRejectedAlthoughUsedWeekly() throws Exception {
        Tokens tokens = client.newSignedInUser();
        for (int week = 0; week < 4; week++) {
            clock.advance(Duration.ofDays(7));
            tokens = Tokens.from(client.refresh(tokens.refreshToken()));
        }

        clock.advance(Duration.ofDays(2));

        assertInvalidGrant(client.refresh(tokens.refreshToken()));
    }

    @Test
    void refreshWhenIdleLifetimePassedThenRejected() throws Exception {
        Tokens tokens = client.newSignedInUser();

        clock.advance(Duration.ofDays(14));

        assertInvalidGrant(client.refresh(tokens.refreshToken()));
    }

    @Test
    void refreshWhenAccessTokenPresentedThenRejectedWithoutRevokingSession() throws Exception {
        Tokens tokens = client.newSignedInUser();

        assertInvalidGrant(client.refresh(tokens.accessToken()));

        assertThat(client.refresh(tokens.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void refreshWhenSecretForgedForLiveSessionThenRejectedWithoutRevoking() throws Exception {
        Tokens tokens = client.newSignedInUser();
        String sessionId = tokens.refreshToken().substring(0, 22);

        assertInvalidGrant(client.refresh(sessionId + ".0." + "C".repeat(43)));
        assertInvalidGrant(client.refresh(sessionId + ".5." + "C".repeat(43)));

        assertThat(client.refresh(tokens.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void refreshWhenFieldMissingThenInvalidRequest() throws Exception {
        MvcResult result = client.postJson("/authentication/refresh-tokens", "{}");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.code")).isEqualTo("invalid_request");
    }

    private void assertInvalidGrant(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.code")).isEqualTo("invalid_grant");
    }

    private int sessionCount(String accessToken) throws Exception {
        MvcResult sessions = client.getWithBearer("/sessions", accessToken);
        assertThat(sessions.getResponse().getStatus()).isEqualTo(200);
        List<Object> list = JsonPath.read(sessions.getResponse().getContentAsString(), "$");
        return list.size();
    }

    private double reuseCount() {
        return meters.counter("gatehouse.refresh.reuse.detected").count();
    }
}
