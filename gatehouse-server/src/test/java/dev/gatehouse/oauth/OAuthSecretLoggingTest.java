package dev.gatehouse.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.client.ClientService;
import dev.gatehouse.client.RegisteredClient;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;

/**
 * Runs client registration, both grants, introspection and revocation with Gatehouse logging at DEBUG,
 * and checks that no client secret, token or password reaches the log. Checks are booleans with a
 * description, so a failure never prints the secret it found.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.dev.gatehouse=DEBUG")
class OAuthSecretLoggingTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ClientService clients;

    private RegisteredClient client;
    private Account account;
    private List<String> tokens;

    @BeforeEach
    void runOAuthFlow() throws Exception {
        client = clients.register("Logged client", "confidential");
        account = TestUsers.signUp(mvc);
        String basic = OAuthForms.basic(client.client().clientId(), client.secret());

        MvcTestResult signIn = OAuthForms.post(mvc, "/oauth2/token", basic, "grant_type", "password",
                "username", account.email(), "password", account.password());
        String refreshToken = read(signIn, "$.refresh_token");
        MvcTestResult refreshed = OAuthForms.post(mvc, "/oauth2/token", basic, "grant_type", "refresh_token",
                "refresh_token", refreshToken);
        String accessToken = read(refreshed, "$.access_token");
        assertThat(OAuthForms.post(mvc, "/oauth2/introspect", basic, "token", accessToken)).hasStatus(HttpStatus.OK);
        assertThat(OAuthForms.post(mvc, "/oauth2/token", OAuthForms.basic(client.client().clientId(), "wrong"),
                "grant_type", "refresh_token", "refresh_token", read(refreshed, "$.refresh_token")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(OAuthForms.post(mvc, "/oauth2/revoke", basic, "token", accessToken)).hasStatus(HttpStatus.OK);
        tokens = List.of(read(signIn, "$.access_token"), refreshToken, accessToken, read(refreshed, "$.refresh_token"));
    }

    @Test
    void logWhenOAuthFlowRunsThenClientIdLoggedButNoSecret(CapturedOutput output) {
        String log = output.getAll();

        assertThat(log.contains(client.client().clientId())).as("log names the client id").isTrue();
        assertThat(log.contains(client.secret())).as("log contains the client secret").isFalse();
        assertThat(log.contains(account.password())).as("log contains the password").isFalse();
    }

    @Test
    void logWhenOAuthFlowRunsThenNoToken(CapturedOutput output) {
        String log = output.getAll();

        for (String token : tokens) {
            String secretPart = token.substring(token.lastIndexOf('.') + 1);
            assertThat(log.contains(token)).as("log contains a token").isFalse();
            assertThat(log.contains(secretPart)).as("log contains a token's signature or secret").isFalse();
        }
    }

    private static String read(MvcTestResult result, String path) throws Exception {
        assertThat(result).hasStatus(HttpStatus.OK);
        return JsonPath.read(result.getResponse().getContentAsString(), path);
    }
}
