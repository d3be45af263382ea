package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Sign-up and sign-in over HTTP while the only Argon2id permit is taken. Each rejection waits the full permit timeout. */
@TestPropertySource(properties = "gatehouse.password.max-concurrent-hashes=1")
class PasswordCheckLimitTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AccountService accounts;

    @Autowired
    private PasswordHashLimiter limiter;

    @Test
    void signInWhenNoPermitThenUnavailable() throws Exception {
        String email = uniqueEmail();
        accounts.signUp(email, PASSWORD);

        HeldPermit.whileHeld(limiter, () -> {
            expectTooManyPasswordChecks(postCredentials("/authentication/sign-in", email, PASSWORD));
        });

        postCredentials("/authentication/sign-in", email, PASSWORD).andExpect(status().isOk());
    }

    @Test
    void signInWhenEmailUnknownThenUnavailable() throws Exception {
        HeldPermit.whileHeld(limiter, () -> {
            expectTooManyPasswordChecks(postCredentials("/authentication/sign-in", uniqueEmail(), PASSWORD));
        });
    }

    @Test
    void tokenEndpointWhenNoPermitThenTemporarilyUnavailable() throws Exception {
        String email = uniqueEmail();
        accounts.signUp(email, PASSWORD);
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

        HeldPermit.whileHeld(limiter, () -> {
            expectTooManyPasswordChecks(mvc.perform(post("/oauth2/token")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content(form)))
                    .andExpect(jsonPath("$.error").value("temporarily_unavailable"));
        });
    }

    @Test
    void signUpWhenNoPermitThenUnavailable() throws Exception {
        String email = uniqueEmail();

        HeldPermit.whileHeld(limiter, () -> {
            expectTooManyPasswordChecks(postCredentials("/authentication/sign-up", email, PASSWORD));
        });

        assertThat(accounts.findByEmail(email)).isEmpty();
        postCredentials("/authentication/sign-up", email, PASSWORD).andExpect(status().isCreated());
    }

    private static ResultActions expectTooManyPasswordChecks(ResultActions response) throws Exception {
        return response.andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.code").value("too_many_password_checks"));
    }

    private ResultActions postCredentials(String path, String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        return mvc.perform(post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String uniqueEmail() {
        return "limit-" + UUID.randomUUID() + "@example.test";
    }
}
