package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;

/**
 * A server whose Redis cannot be reached at start-up still starts, because the store's warm-up failure
 * is only logged, and it fails closed. Nothing listens on port 1 of 127.0.0.1, so every connection
 * attempt is refused at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RedisUnreachableAtStartTest {

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        IntegrationTest.stores(registry);
        registry.add("spring.data.redis.port", () -> 1);
    }

    @Test
    void signInWhenRedisUnreachableSinceStartThen503() {
        Account account = TestUsers.signUp(mvc);

        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + account.email() + "\",\"password\":\"" + account.password() + "\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("session_store_unavailable");
    }
}
