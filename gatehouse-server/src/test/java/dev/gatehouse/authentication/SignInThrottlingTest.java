package dev.gatehouse.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.gatehouse.account.PasswordChecks;
import dev.gatehouse.support.GatehouseClient;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;

/**
 * Failed sign-ins are limited per email and address (3 here), per email (5) and per address (7) within a
 * 15-minute window. Every test uses addresses of its own, so the counts of one test never reach another.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "gatehouse.sign-in.max-failures-per-account-and-address=3",
        "gatehouse.sign-in.max-failures-per-account=5",
        "gatehouse.sign-in.max-failures-per-address=7",
        "gatehouse.sign-in.failure-window=15m"})
class SignInThrottlingTest extends IntegrationTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String WRONG_PASSWORD = "wrong password entirely";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    @Test
    void signInWhenPairLimitReachedThenTooManyAttemptsWithoutPasswordCheck() throws Exception {
        String email = signUp();
        String address = newAddress();
        failSignIns(email, address, 3);
        long checksBefore = PasswordChecks.completed(context);

        MvcResult result = signIn(email, GatehouseClient.PASSWORD, address);

        assertThat(result.getResponse().getStatus()).isEqualTo(429);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(code(result)).isEqualTo("too_many_sign_in_attempts");
        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString(WINDOW.toSeconds()));
        assertThat(PasswordChecks.completed(context)).isEqualTo(checksBefore);
    }

    @Test
    void signInWhenPairLimitReachedThenOtherAddressStillSignsIn() throws Exception {
        String email = signUp();
        failSignIns(email, newAddress(), 3);

        assertThat(signIn(email, GatehouseClient.PASSWORD, newAddress()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void signInWhenBelowPairLimitThenStillChecked() throws Exception {
        String email = signUp();
        String address = newAddress();
        failSignIns(email, address, 2);

        assertThat(signIn(email, WRONG_PASSWORD, address).getResponse().getStatus()).isEqualTo(401);
        assertThat(signIn(email, GatehouseClient.PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void signInWhenAccountLimitReachedThenEveryAddressRejected() throws Exception {
        String email = signUp();
        for (int i = 0; i < 5; i++) {
            failSignIns(email, newAddress(), 1);
        }

        MvcResult result = signIn(email, GatehouseClient.PASSWORD, newAddress());

        assertThat(result.getResponse().getStatus()).isEqualTo(429);
        assertThat(code(result)).isEqualTo("too_many_sign_in_attempts");
    }

    @Test
    void signInWhenUnknownEmailFailsThenCountedLikeKnownOne() throws Exception {
        String unknown = GatehouseClient.uniqueEmail();
        String address = newAddress();
        failSignIns(unknown, address, 3);

        assertThat(signIn(unknown, WRONG_PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void signInWhenEmailDiffersInCaseThenSameAccountCounter() throws Exception {
        String email = signUp();
        String address = newAddress();
        failSignIns(email.toUpperCase(java.util.Locale.ROOT), address, 3);

        assertThat(signIn(" " + email, GatehouseClient.PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void signInWhenAddressLimitReachedThenOtherEmailsRejected() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 7; i++) {
            failSignIns(GatehouseClient.uniqueEmail(), address, 1);
        }
        String email = signUp();

        assertThat(signIn(email, GatehouseClient.PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
        assertThat(signIn(email, GatehouseClient.PASSWORD, newAddress()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void signInWhenSucceededThenPairCounterCleared() throws Exception {
        String email = signUp();
        String address = newAddress();
        failSignIns(email, address, 2);
        assertThat(signIn(email, GatehouseClient.PASSWORD, address).getResponse().getStatus()).isEqualTo(200);

        failSignIns(email, address, 2);

        assertThat(signIn(email, GatehouseClient.PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void signInWhenWindowEndsThenAllowedAgain() throws Exception {
        String email = signUp();
        String address = newAddress();
        failSignIns(email, address, 3);
        clock.advance(Duration.ofMinutes(5));

        MvcResult throttled = signIn(email, GatehouseClient.PASSWORD, address);
        clock.advance(Duration.ofMinutes(10));

        assertThat(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
        assertThat(signIn(email, GatehouseClient.PASSWORD, address).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void passwordGrantWhenPairLimitReachedThenTooManyRequestsAsBothFormats() throws Exception {
        String email = signUp();
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(passwordGrant(email, WRONG_PASSWORD, address).getResponse().getStatus()).isEqualTo(400);
        }

        MvcResult result = passwordGrant(email, GatehouseClient.PASSWORD, address);

        assertThat(result.getResponse().getStatus()).isEqualTo(429);
        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString(WINDOW.toSeconds()));
        assertThat(code(result)).isEqualTo("too_many_sign_in_attempts");
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.error"))
                .isEqualTo("temporarily_unavailable");
    }

    @Test
    void signInWhenLimitReachedThenOneWarningWithoutEmail(CapturedOutput output) throws Exception {
        String email = signUp();
        String address = newAddress();
        failSignIns(email, address, 3);
        signIn(email, GatehouseClient.PASSWORD, address);
        signIn(email, GatehouseClient.PASSWORD, address);

        String warnings = output.getOut().lines()
                .filter(line -> line.contains("WARN") && line.contains("reached the limit") && line.contains(address))
                .reduce("", (all, line) -> all + line + "\n");

        assertThat(warnings.lines()).hasSize(1);
        assertThat(output.getOut()).doesNotContain(email);
        assertThat(output.getOut()).doesNotContain(WRONG_PASSWORD);
    }

    private String signUp() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        new GatehouseClient(mvc).signUp(email);
        return email;
    }

    private void failSignIns(String email, String address, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(signIn(email, WRONG_PASSWORD, address).getResponse().getStatus()).as("failed sign-in %d", i)
                    .isEqualTo(401);
        }
    }

    private MvcResult signIn(String email, String password, String address) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/authentication/sign-in")
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andReturn();
    }

    private MvcResult passwordGrant(String email, String password, String address) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/oauth2/token")
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .andReturn();
    }

    /** Returns a documentation-range IPv6 address that no other test uses. */
    private static String newAddress() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "2001:db8:" + random.substring(0, 4) + ":" + random.substring(4, 8) + "::1";
    }

    private static String code(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.code");
    }
}
