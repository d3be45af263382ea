package dev.gatehouse.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.gatehouse.account.PasswordChecks;
import dev.gatehouse.support.GatehouseClient;
import dev.gatehouse.support.GatehouseClient.Tokens;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.support.RedisProcess;

/**
 * Gatehouse fails closed when Redis stops responding, spends no token while it is down, and recovers
 * by itself. Runs against a private redis-server that the test pauses with SIGSTOP.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
class RedisOutageTest {

    private static final RedisProcess redis = startRedis();

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    GatehouseClient client;

    @DynamicPropertySource
    static void privateRedis(DynamicPropertyRegistry registry) {
        IntegrationTest.stores(registry);
        registry.add("spring.data.redis.port", redis::port);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    void createClient() {
        client = new GatehouseClient(mvc);
    }

    @Test
    void refreshWhenRedisPausedThenUnavailableAndUnspent() throws Exception {
        Tokens tokens = client.newSignedInUser();
        redis.pause();
        MvcResult unavailable;
        Instant sent = Instant.now();
        try {
            unavailable = client.refresh(tokens.refreshToken());
        } finally {
            redis.resume();
        }

        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(unavailable.getResponse().getStatus()).isEqualTo(503);
        assertThat(unavailable.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(code(unavailable)).isEqualTo("session_store_unavailable");
        // Past the reuse leeway: had the queued rotation run when Redis resumed, this would be reuse.
        clock.advance(Duration.ofSeconds(11));
        assertThat(client.refresh(tokens.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void tokenEndpointWhenRedisPausedThenTemporarilyUnavailable() throws Exception {
        Tokens tokens = client.newSignedInUser();
        redis.pause();
        MvcResult result;
        try {
            result = mvc.perform(MockMvcRequestBuilders.post("/oauth2/token")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("grant_type=refresh_token&refresh_token=" + tokens.refreshToken()))
                    .andReturn();
        } finally {
            redis.resume();
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(code(result)).isEqualTo("session_store_unavailable");
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.error"))
                .isEqualTo("temporarily_unavailable");
    }

    @Test
    void usersMeWhenRedisPausedThen503NotAllowed() throws Exception {
        Tokens tokens = client.newSignedInUser();
        redis.pause();
        MvcResult result;
        try {
            result = client.getWithBearer("/users/me", tokens.accessToken());
        } finally {
            redis.resume();
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(code(result)).isEqualTo("session_store_unavailable");
        assertThat(client.getWithBearer("/users/me", tokens.accessToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void signInWhenRedisPausedThenUnavailableWithoutPasswordCheck() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        client.signUp(email);
        long checksBefore = PasswordChecks.completed(context);
        redis.pause();
        MvcResult result;
        try {
            result = client.postJson("/authentication/sign-in",
                    "{\"email\":\"" + email + "\",\"password\":\"wrong password entirely\"}");
        } finally {
            redis.resume();
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(code(result)).isEqualTo("session_store_unavailable");
        assertThat(PasswordChecks.completed(context)).isEqualTo(checksBefore);
    }

    @Test
    void signInWhenRedisPausedThenUnavailable() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        client.signUp(email);
        redis.pause();
        MvcResult result;
        try {
            result = client.postJson("/authentication/sign-in",
                    "{\"email\":\"" + email + "\",\"password\":\"" + GatehouseClient.PASSWORD + "\"}");
        } finally {
            redis.resume();
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(code(result)).isEqualTo("session_store_unavailable");
        Tokens later = client.signIn(email);
        String sessions = client.getWithBearer("/sessions", later.accessToken()).getResponse().getContentAsString();
        assertThat((java.util.List<?>) JsonPath.read(sessions, "$")).hasSize(1);
    }

    @Test
    void healthWhenRedisPausedThenDownAndUpAgainAfter() throws Exception {
        redis.pause();
        MvcResult down;
        try {
            down = mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                    .andReturn();
        } finally {
            redis.resume();
        }
        MvcResult up = mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                .andReturn();

        assertThat(down.getResponse().getStatus()).isEqualTo(503);
        assertThat(up.getResponse().getStatus()).isEqualTo(200);
    }

    private static String code(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.code");
    }

    private static RedisProcess startRedis() {
        try {
            return RedisProcess.start();
        } catch (Exception exception) {
            throw new IllegalStateException("Cannot start redis-server for the outage test: install it (apt-get install "
                    + "redis-server) so it is on the PATH", exception);
        }
    }
}
