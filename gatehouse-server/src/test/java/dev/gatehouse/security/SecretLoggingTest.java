package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Runs sign-up, sign-in, a call with the access token, a refresh, a retry within the reuse leeway and
 * a reuse after it, with Gatehouse logging at DEBUG, and checks the whole captured log. Each check is
 * a boolean with a description, so that a failure never prints the secret it found.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.dev.gatehouse=DEBUG")
class SecretLoggingTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MutableClock clock;

    @Autowired
    private GatehouseProperties properties;

    private Account account;
    private String passwordHash;
    private Tokens signedIn;
    private Tokens rotated;
    private Tokens retried;

    @BeforeEach
    void runAuthenticationFlow() {
        account = TestUsers.signUp(mvc);
        passwordHash = jdbc.sql("select password_hash from users where id = ?")
                .param(account.id())
                .query(String.class)
                .single();
        signedIn = TestUsers.signIn(mvc, account);
        assertThat(TestUsers.currentUser(mvc, signedIn.accessToken())).hasStatus(HttpStatus.OK);

        rotated = TestUsers.tokens(TestUsers.refresh(mvc, signedIn.refreshToken()));
        retried = TestUsers.tokens(TestUsers.refresh(mvc, signedIn.refreshToken()));
        assertThat(retried.refreshToken().equals(rotated.refreshToken()))
                .as("retry returns the same successor")
                .isTrue();

        clock.advance(properties.session().reuseLeeway().plusSeconds(1));
        assertThat(TestUsers.refresh(mvc, signedIn.refreshToken())).as("reuse after the leeway")
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void logWhenDebugEnabledThenSessionStartLogged(CapturedOutput output) {
        boolean logged = output.getAll().lines()
                .anyMatch(line -> line.contains("DEBUG") && line.contains("Started session " + signedIn.sessionId()));

        assertThat(logged).as("DEBUG line about the started session, proving DEBUG output is captured").isTrue();
    }

    @Test
    void logWhenReusedThenWarnsWithSessionId(CapturedOutput output) {
        boolean warned = output.getAll().lines()
                .anyMatch(line -> line.contains("WARN") && line.contains("reuse detected")
                        && line.contains(signedIn.sessionId()));

        assertThat(warned).as("WARN line about the reuse that names session %s", signedIn.sessionId()).isTrue();
    }

    @Test
    void logWhenFlowRunsThenNoAccessToken(CapturedOutput output) {
        String log = output.getAll();

        for (Tokens tokens : List.of(signedIn, rotated, retried)) {
            String signature = tokens.accessToken().substring(tokens.accessToken().lastIndexOf('.') + 1);
            assertThat(log.contains(tokens.accessToken())).as("log contains an access token").isFalse();
            assertThat(log.contains(signature)).as("log contains an access-token signature").isFalse();
        }
    }

    @Test
    void logWhenFlowRunsThenNoRefreshToken(CapturedOutput output) {
        String log = output.getAll();

        for (Tokens tokens : List.of(signedIn, rotated)) {
            assertThat(log.contains(tokens.refreshToken())).as("log contains a refresh token").isFalse();
            assertThat(log.contains(tokens.refreshSecret())).as("log contains a refresh-token secret").isFalse();
        }
    }

    @Test
    void logWhenFlowRunsThenNoPassword(CapturedOutput output) {
        assertThat(output.getAll().contains(account.password())).as("log contains the password").isFalse();
    }

    @Test
    void logWhenFlowRunsThenNoPasswordHash(CapturedOutput output) {
        String log = output.getAll();
        // PHC string format: $argon2id$v=19$m=...,t=...,p=...$<salt>$<hash>
        String[] parts = passwordHash.split("\\$");
        String salt = parts[parts.length - 2];
        String hash = parts[parts.length - 1];

        assertThat(log.contains(passwordHash)).as("log contains the password hash").isFalse();
        assertThat(log.contains(salt)).as("log contains the password salt").isFalse();
        assertThat(log.contains(hash)).as("log contains the hash part of the password hash").isFalse();
    }
}
