package dev.gatehouse.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Tokens;

/** {@code POST /oauth2/revoke} (RFC 7009): what ends a session, what changes nothing, and who may revoke. */
class RevocationEndpointTest extends OAuthEndpointTest {

    @Test
    void revokeWhenRefreshTokenThenSessionEndedEverywhere() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);

        MvcTestResult result = OAuthForms.post(mvc, REVOKE, null, "token", tokens.refreshToken(),
                "token_type_hint", "refresh_token");

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentAsString()).isEmpty();
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.refresh(mvc, tokens.refreshToken())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(revokedIds()).contains(tokens.sessionId());
    }

    @Test
    void revokeWhenAccessTokenThenSessionEndedEverywhere() throws Exception {
        MvcTestResult signIn = passwordGrant(basic(confidential));
        String accessToken = field(signIn, "$.access_token");
        String refreshToken = field(signIn, "$.refresh_token");

        MvcTestResult result = OAuthForms.post(mvc, REVOKE, basic(confidential), "token", accessToken,
                "token_type_hint", "access_token");

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.currentUser(mvc, accessToken)).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult refresh = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);
        assertThat(refresh).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(revokedIds()).contains(refreshToken.substring(0, refreshToken.indexOf('.')));
    }

    @Test
    void revokeWhenAncestorRefreshTokenThenSessionEnded() throws Exception {
        Tokens first = TestUsers.signIn(mvc, account);
        Tokens second = TestUsers.tokens(TestUsers.refresh(mvc, first.refreshToken()));
        Tokens third = TestUsers.tokens(TestUsers.refresh(mvc, second.refreshToken()));

        MvcTestResult result = OAuthForms.post(mvc, REVOKE, null, "token", first.refreshToken());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.currentUser(mvc, third.accessToken())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void revokeWhenPublicClientRevokesItsOwnTokenThenSessionEnded() throws Exception {
        MvcTestResult signIn = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "username", account.email(),
                "password", account.password(), "client_id", publicClient.client().clientId());
        String accessToken = field(signIn, "$.access_token");

        MvcTestResult result = OAuthForms.post(mvc, REVOKE, null, "token", field(signIn, "$.refresh_token"),
                "client_id", publicClient.client().clientId());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.currentUser(mvc, accessToken)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void revokeWhenUnknownMalformedOrExpiredThenOkAndNothingChanges() throws Exception {
        Tokens live = TestUsers.signIn(mvc, account);
        Tokens other = TestUsers.signIn(mvc, account);
        String unknownRefreshToken = other.sessionId() + ".0." + "A".repeat(43);
        for (String token : List.of("not a token", "a.b.c", unknownRefreshToken, live.accessToken() + "x")) {
            MvcTestResult result = OAuthForms.post(mvc, REVOKE, null, "token", token);

            assertThat(result).as(token).hasStatus(HttpStatus.OK);
        }
        assertThat(TestUsers.currentUser(mvc, live.accessToken())).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.currentUser(mvc, other.accessToken())).hasStatus(HttpStatus.OK);

        clock.advance(properties.token().lifetime().plus(properties.token().clockSkew()).plusSeconds(1));
        MvcTestResult expired = OAuthForms.post(mvc, REVOKE, null, "token", live.accessToken());

        assertThat(expired).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.refresh(mvc, live.refreshToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void revokeWhenTokenOfAnotherClientThenUnauthorizedClientAndSessionKept() throws Exception {
        MvcTestResult signIn = passwordGrant(basic(confidential));
        String accessToken = field(signIn, "$.access_token");
        Tokens firstParty = TestUsers.signIn(mvc, account);

        MvcTestResult byOther = OAuthForms.post(mvc, REVOKE, basic(otherConfidential), "token", accessToken);
        MvcTestResult byNone = OAuthForms.post(mvc, REVOKE, null, "token", field(signIn, "$.refresh_token"));
        MvcTestResult firstPartyByClient = OAuthForms.post(mvc, REVOKE, basic(confidential), "token",
                firstParty.refreshToken());

        for (MvcTestResult result : List.of(byOther, byNone, firstPartyByClient)) {
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("unauthorized_client");
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("unauthorized_client");
        }
        assertThat(TestUsers.currentUser(mvc, accessToken)).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.currentUser(mvc, firstParty.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void revokeWhenClientCredentialsWrongThenInvalidClient() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);

        MvcTestResult result = OAuthForms.post(mvc, REVOKE,
                OAuthForms.basic(confidential.client().clientId(), "wrong-secret"), "token", tokens.refreshToken());

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_client");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void revokeWhenTokenMissingThenInvalidRequest() {
        MvcTestResult result = OAuthForms.post(mvc, REVOKE, basic(confidential), "token_type_hint", "access_token");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
    }

    private List<String> revokedIds() throws Exception {
        return JsonPath.read(mvc.get().uri("/sessions/revoked").exchange().getResponse().getContentAsString(),
                "$.revoked[*].sid");
    }
}
