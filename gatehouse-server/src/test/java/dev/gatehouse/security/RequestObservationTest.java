package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Tokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests are timed once, as {@code http.server.requests}, and nothing more: Spring Security's per-filter
 * observations and the long-task timer of requests in flight cost CPU on every refresh.
 */
class RequestObservationTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void refreshOnce() {
        Tokens tokens = TestUsers.signIn(mvc, TestUsers.signUp(mvc));
        assertThat(TestUsers.refresh(mvc, tokens.refreshToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void refreshWhenHandledThenTimed() {
        assertThat(meters.find("http.server.requests").tag("uri", "/authentication/refresh-tokens").timer())
                .isNotNull();
    }

    @Test
    void refreshWhenHandledThenNoSecurityMeters() {
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }

    @Test
    void refreshWhenHandledThenNoActiveRequestTimer() {
        assertThat(meters.find("http.server.requests.active").longTaskTimer()).isNull();
    }
}
