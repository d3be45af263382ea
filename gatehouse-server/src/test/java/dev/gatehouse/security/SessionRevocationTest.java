package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Ending a session also stops its access tokens at Gatehouse's own endpoints before they expire,
 * because {@link SessionActiveValidator} checks the {@code sid} claim against the session store.
 */
class SessionRevocationTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private MutableClock clock;

    @Autowired
    private GatehouseProperties properties;

    @Test
    void currentUserWhenSessionSignedOutThenUnauthorized() {
        Tokens tokens = TestUsers.signUpAndSignIn(mvc);
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).as("before sign-out").hasStatus(HttpStatus.OK);

        assertThat(TestUsers.signOut(mvc, tokens.refreshToken())).hasStatus(HttpStatus.NO_CONTENT);
        MvcTestResult result = TestUsers.currentUser(mvc, tokens.accessToken());

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_token");
    }

    @Test
    void currentUserWhenOtherSessionSignedOutThenOk() {
        Account account = TestUsers.signUp(mvc);
        Tokens remaining = TestUsers.signIn(mvc, account);
        Tokens ended = TestUsers.signIn(mvc, account);

        assertThat(TestUsers.signOut(mvc, ended.refreshToken())).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(TestUsers.currentUser(mvc, remaining.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void currentUserWhenRefreshTokenReusedThenUnauthorized() {
        Tokens first = TestUsers.signUpAndSignIn(mvc);
        Tokens rotated = TestUsers.tokens(TestUsers.refresh(mvc, first.refreshToken()));
        clock.advance(properties.session().reuseLeeway().plusSeconds(1));

        assertThat(TestUsers.refresh(mvc, first.refreshToken())).as("reuse after the leeway")
                .hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult result = TestUsers.currentUser(mvc, rotated.accessToken());

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_token");
    }
}
