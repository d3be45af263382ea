package dev.gatehouse.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.token.TestUsers;

/** {@code POST /oauth2/token}: both grants, each client authentication method, and every error it returns. */
class TokenEndpointTest extends OAuthEndpointTest {

    @Test
    void passwordGrantWhenNoClientThenTokensWithoutClientId() throws Exception {
        MvcTestResult result = passwordGrant(null);

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(result.getResponse().getHeader(HttpHeaders.PRAGMA)).isEqualTo("no-cache");
        Map<String, Object> body = body(result);
        assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(body).containsEntry("token_type", "Bearer");
        assertThat(body).containsEntry("expires_in", (int) properties.token().lifetime().toSeconds());
        JWTClaimsSet claims = claims(result);
        assertThat(claims.getSubject()).isEqualTo(account.id().toString());
        assertThat(claims.getStringClaim("email")).isEqualTo(account.email());
        assertThat(claims.getClaims()).doesNotContainKey("client_id");
    }

    @Test
    void passwordGrantWhenClientSecretBasicThenClientIdClaim() throws Exception {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "password",
                "username", account.email(), "password", account.password());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(claims(result).getStringClaim("client_id")).isEqualTo(confidential.client().clientId());
    }

    @Test
    void passwordGrantWhenClientSecretPostThenClientIdClaim() throws Exception {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "username", account.email(),
                "password", account.password(), "client_id", confidential.client().clientId(),
                "client_secret", confidential.secret());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(claims(result).getStringClaim("client_id")).isEqualTo(confidential.client().clientId());
    }

    @Test
    void passwordGrantWhenPublicClientIdOnlyThenClientIdClaim() throws Exception {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "username", account.email(),
                "password", account.password(), "client_id", publicClient.client().clientId());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(claims(result).getStringClaim("client_id")).isEqualTo(publicClient.client().clientId());
    }

    @Test
    void passwordGrantWhenWrongPasswordThenInvalidGrantAsBothFormats() throws Exception {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "username", account.email(),
                "password", "wrong password entirely");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        Map<String, Object> body = body(result);
        assertThat(body).containsEntry("error", "invalid_grant");
        assertThat(body).containsEntry("code", "invalid_grant");
        assertThat(body).containsEntry("status", 400);
        assertThat(body).containsKeys("type", "title", "detail", "error_description");
        assertThat(body.get("error_description")).isEqualTo(body.get("detail"));
    }

    @Test
    void passwordGrantWhenUnknownEmailThenInvalidGrant() throws Exception {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password",
                "username", "nobody-" + account.email(), "password", account.password());

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_grant");
    }

    @Test
    void refreshGrantWhenCurrentTokenThenRotatedAndClientIdKept() throws Exception {
        String refreshToken = refreshTokenOf(passwordGrant(basic(confidential)));

        MvcTestResult result = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(refreshTokenOf(result)).isNotEqualTo(refreshToken);
        assertThat(claims(result).getStringClaim("client_id")).isEqualTo(confidential.client().clientId());
        assertThat(claims(result).getStringClaim("email")).isEqualTo(account.email());
    }

    @Test
    void refreshGrantWhenNoClientAndFirstPartySessionThenRotated() throws Exception {
        String refreshToken = TestUsers.signIn(mvc, account).refreshToken();

        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "refresh_token",
                "refresh_token", refreshToken);

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(claims(result).getClaims()).doesNotContainKey("client_id");
    }

    @Test
    void refreshGrantWhenSessionOfAnotherClientThenInvalidGrantAndTokenUnspent() throws Exception {
        String refreshToken = refreshTokenOf(passwordGrant(basic(confidential)));

        MvcTestResult byOther = OAuthForms.post(mvc, TOKEN, basic(otherConfidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);
        MvcTestResult byPublic = OAuthForms.post(mvc, TOKEN, null, "grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", publicClient.client().clientId());
        MvcTestResult byNone = OAuthForms.post(mvc, TOKEN, null, "grant_type", "refresh_token",
                "refresh_token", refreshToken);
        MvcTestResult byJsonEndpoint = TestUsers.refresh(mvc, refreshToken);

        assertError(byOther, HttpStatus.BAD_REQUEST, "invalid_grant");
        assertError(byPublic, HttpStatus.BAD_REQUEST, "invalid_grant");
        assertError(byNone, HttpStatus.BAD_REQUEST, "invalid_grant");
        assertThat(byJsonEndpoint).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(byJsonEndpoint).bodyJson().extractingPath("$.code").isEqualTo("invalid_grant");
        MvcTestResult byOwner = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);
        assertThat(byOwner).hasStatus(HttpStatus.OK);
    }

    @Test
    void refreshGrantWhenFirstPartySessionRefreshedByClientThenInvalidGrant() throws Exception {
        String refreshToken = TestUsers.signIn(mvc, account).refreshToken();

        MvcTestResult result = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_grant");
    }

    @Test
    void refreshGrantWhenRetriedWithinLeewayThenSameRefreshToken() throws Exception {
        String refreshToken = refreshTokenOf(passwordGrant(null));
        MvcTestResult first = OAuthForms.post(mvc, TOKEN, null, "grant_type", "refresh_token",
                "refresh_token", refreshToken);

        MvcTestResult retry = OAuthForms.post(mvc, TOKEN, null, "grant_type", "refresh_token",
                "refresh_token", refreshToken);

        assertThat(retry).hasStatus(HttpStatus.OK);
        assertThat(refreshTokenOf(retry)).isEqualTo(refreshTokenOf(first));
    }

    @Test
    void refreshGrantWhenReusedThenSessionRevokedAndInFeed() throws Exception {
        MvcTestResult signIn = passwordGrant(basic(confidential));
        String refreshToken = refreshTokenOf(signIn);
        String sessionId = claims(signIn).getStringClaim("sid");
        MvcTestResult rotated = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);
        clock.advance(properties.session().reuseLeeway().plusSeconds(1));

        MvcTestResult reuse = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshToken);

        assertError(reuse, HttpStatus.BAD_REQUEST, "invalid_grant");
        MvcTestResult successor = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "refresh_token",
                "refresh_token", refreshTokenOf(rotated));
        assertError(successor, HttpStatus.BAD_REQUEST, "invalid_grant");
        assertThat(TestUsers.currentUser(mvc, accessTokenOf(rotated))).hasStatus(HttpStatus.UNAUTHORIZED);
        String feed = mvc.get().uri("/sessions/revoked").exchange().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(feed, "$.revoked[*].sid")).contains(sessionId);
    }

    @Test
    void refreshGrantWhenTokenUnknownThenInvalidGrant() {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "refresh_token",
                "refresh_token", "not-a-refresh-token");

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_grant");
    }

    @Test
    void tokenWhenRequiredParameterMissingThenInvalidRequest() {
        List<String[]> forms = List.of(
                new String[] {"username", account.email(), "password", account.password()},
                new String[] {"grant_type", "refresh_token"},
                new String[] {"grant_type", "password", "password", account.password()},
                new String[] {"grant_type", "password", "username", account.email()},
                new String[] {"grant_type", "", "username", account.email(), "password", account.password()});
        for (String[] form : forms) {
            MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, form);

            assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        }
    }

    @Test
    void tokenWhenGrantTypeUnknownThenUnsupportedGrantType() {
        for (String grantType : List.of("authorization_code", "client_credentials", "implicit")) {
            MvcTestResult result = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", grantType);

            assertError(result, HttpStatus.BAD_REQUEST, "unsupported_grant_type");
        }
    }

    @Test
    void tokenWhenParameterGivenTwiceThenInvalidRequest() {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "grant_type", "password",
                "username", account.email(), "password", account.password());

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @Test
    void tokenWhenBasicAndClientSecretPostThenInvalidRequest() {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, basic(confidential), "grant_type", "password",
                "username", account.email(), "password", account.password(),
                "client_id", confidential.client().clientId(), "client_secret", confidential.secret());

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @Test
    void tokenWhenSecretWithoutClientIdThenInvalidRequest() {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password",
                "username", account.email(), "password", account.password(), "client_secret", confidential.secret());

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @Test
    void tokenWhenClientCredentialsWrongThenInvalidClientWithChallenge() {
        List<MvcTestResult> results = List.of(
                OAuthForms.post(mvc, TOKEN, OAuthForms.basic(confidential.client().clientId(), "wrong-secret"),
                        "grant_type", "password", "username", account.email(), "password", account.password()),
                OAuthForms.post(mvc, TOKEN, OAuthForms.basic("gh_unknown", "any-secret"),
                        "grant_type", "password", "username", account.email(), "password", account.password()),
                OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "username", account.email(),
                        "password", account.password(), "client_id", confidential.client().clientId()),
                OAuthForms.post(mvc, TOKEN, null, "grant_type", "password", "username", account.email(),
                        "password", account.password(), "client_id", publicClient.client().clientId(),
                        "client_secret", "any-secret"),
                OAuthForms.post(mvc, TOKEN, "Basic not-base64!", "grant_type", "password"));
        for (MvcTestResult result : results) {
            assertError(result, HttpStatus.UNAUTHORIZED, "invalid_client");
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        }
    }

    @Test
    void tokenWhenJsonBodyThenInvalidRequest() {
        MvcTestResult result = mvc.post().uri(TOKEN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grant_type\":\"password\"}").exchange();

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @Test
    void tokenWhenFormLargerThanLimitThenPayloadTooLarge() {
        MvcTestResult result = OAuthForms.post(mvc, TOKEN, null, "grant_type", "password",
                "username", "x".repeat(70 * 1024));

        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void formBodyWhenNotAnOAuthEndpointThenStillUnsupportedMediaType() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("email=a%40example.com&password=x").exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private static void assertError(MvcTestResult result, HttpStatus status, String error) {
        assertThat(result).hasStatus(status);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo(error);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(error);
    }

    private static Map<String, Object> body(MvcTestResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$");
    }

    private static String refreshTokenOf(MvcTestResult result) throws Exception {
        assertThat(result).hasStatus(HttpStatus.OK);
        return JsonPath.read(result.getResponse().getContentAsString(), "$.refresh_token");
    }

    private static String accessTokenOf(MvcTestResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.access_token");
    }

    private static JWTClaimsSet claims(MvcTestResult result) throws Exception {
        return SignedJWT.parse(accessTokenOf(result)).getJWTClaimsSet();
    }
}
