package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Public endpoints ignore an {@code Authorization: Bearer} header, so a client that sends its last access
 * token on every request can still sign in and refresh after that token expired or its session ended.
 * Authenticated endpoints keep rejecting such a token.
 */
class PublicEndpointBearerTest extends IntegrationTest {

    private static final String GARBAGE_BEARER = "Bearer not-a-token";

    @Autowired
    private MockMvcTester mvc;

    private Account account;
    private String staleBearer;

    /** Signs a user in and out, so the access token of that ended session is a stale bearer credential. */
    @BeforeEach
    void endOneSession() {
        account = TestUsers.signUp(mvc);
        Tokens ended = TestUsers.signIn(mvc, account);
        assertThat(TestUsers.signOut(mvc, ended.refreshToken())).hasStatus(HttpStatus.NO_CONTENT);
        staleBearer = "Bearer " + ended.accessToken();
    }

    @Test
    void signInWhenStaleBearerHeaderThenTokensIssued() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .header(HttpHeaders.AUTHORIZATION, staleBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + account.email() + "\",\"password\":\"" + account.password() + "\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
    }

    @Test
    void refreshWhenStaleBearerHeaderThenTokensIssued() {
        Tokens live = TestUsers.signIn(mvc, account);

        MvcTestResult result = mvc.post().uri("/authentication/refresh-tokens")
                .header(HttpHeaders.AUTHORIZATION, staleBearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":\"" + live.refreshToken() + "\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
    }

    @Test
    void signOutWhenGarbageBearerHeaderThenSessionEnded() {
        Tokens live = TestUsers.signIn(mvc, account);

        MvcTestResult result = mvc.post().uri("/authentication/sign-out")
                .header(HttpHeaders.AUTHORIZATION, GARBAGE_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":\"" + live.refreshToken() + "\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(TestUsers.refresh(mvc, live.refreshToken())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/jwks.json", "/.well-known/openid-configuration", "/sessions/revoked",
            "/actuator/health"})
    void publicReadWhenGarbageBearerHeaderThenOk(String path) {
        MvcTestResult result = mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, GARBAGE_BEARER).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
    }

    @Test
    void currentUserWhenStaleBearerHeaderThenInvalidToken() {
        MvcTestResult result = mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, staleBearer).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_token");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
    }

    @Test
    void adminEndpointWhenGarbageBearerHeaderThenInvalidToken() {
        MvcTestResult result = mvc.get().uri("/admin/users").header(HttpHeaders.AUTHORIZATION, GARBAGE_BEARER)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_token");
    }

    /** A path outside the public list that merely starts like one of its entries is not public. */
    @Test
    void lookalikePathWhenGarbageBearerHeaderThenInvalidToken() {
        MvcTestResult result = mvc.get().uri("/sessions/revoked-extra").header(HttpHeaders.AUTHORIZATION,
                GARBAGE_BEARER).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_token");
    }
}
