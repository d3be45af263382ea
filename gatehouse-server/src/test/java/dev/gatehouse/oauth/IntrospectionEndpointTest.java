package dev.gatehouse.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Tokens;

/** {@code POST /oauth2/introspect} (RFC 7662): active tokens, inactive ones, and who may ask. */
class IntrospectionEndpointTest extends OAuthEndpointTest {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    @Autowired
    private JdbcClient jdbc;

    @Test
    void introspectWhenActiveAccessTokenThenClaims() throws Exception {
        jdbc.sql("insert into user_permissions (user_id, permission) values (?, 'coffees:read'), (?, 'coffees:brew')")
                .params(account.id(), account.id())
                .update();
        MvcTestResult signIn = passwordGrant(basic(confidential));
        String accessToken = field(signIn, "$.access_token");
        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();

        Map<String, Object> response = introspect(basic(confidential), accessToken);

        assertThat(response).containsEntry("active", true);
        assertThat(response).containsEntry("token_type", "Bearer");
        assertThat(response).containsEntry("sub", account.id().toString());
        assertThat(response).containsEntry("sid", claims.getStringClaim("sid"));
        assertThat(response).containsEntry("email", account.email());
        assertThat(response).containsEntry("exp", (int) claims.getExpirationTime().toInstant().getEpochSecond());
        assertThat(response).containsEntry("iat", (int) claims.getIssueTime().toInstant().getEpochSecond());
        assertThat(response).containsEntry("iss", properties.issuer());
        assertThat(response).containsEntry("aud", properties.audience());
        assertThat(response).containsEntry("client_id", confidential.client().clientId());
        assertThat(response).containsEntry("roles", List.of());
        assertThat(JsonPath.<List<String>>read(response, "$.permissions")).containsExactlyInAnyOrder("coffees:read", "coffees:brew");
        assertThat(((String) response.get("scope")).split(" ")).containsExactlyInAnyOrder("coffees:read", "coffees:brew");
    }

    @Test
    void introspectWhenFirstPartyAccessTokenThenActiveWithoutClientId() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);

        Map<String, Object> response = introspect(basic(confidential), tokens.accessToken());

        assertThat(response).containsEntry("active", true);
        assertThat(response).doesNotContainKey("client_id");
        assertThat(response).containsEntry("scope", "");
    }

    @Test
    void introspectWhenCurrentRefreshTokenThenActiveRefreshToken() throws Exception {
        Instant signedInAt = clock.instant();
        MvcTestResult signIn = passwordGrant(basic(confidential));
        String refreshToken = field(signIn, "$.refresh_token");

        Map<String, Object> response = introspect(basic(otherConfidential), refreshToken);

        assertThat(response).containsEntry("active", true);
        assertThat(response).containsEntry("token_type", "refresh_token");
        assertThat(response).containsEntry("sub", account.id().toString());
        assertThat(response).containsEntry("sid", refreshToken.substring(0, refreshToken.indexOf('.')));
        assertThat(response).containsEntry("client_id", confidential.client().clientId());
        long idleExpiry = signedInAt.plus(properties.session().idleLifetime()).getEpochSecond();
        assertThat(((Number) response.get("exp")).longValue()).isBetween(idleExpiry, idleExpiry + 1);
    }

    @Test
    void introspectWhenRotatedRefreshTokenThenInactive() throws Exception {
        Tokens first = TestUsers.signIn(mvc, account);
        TestUsers.tokens(TestUsers.refresh(mvc, first.refreshToken()));

        assertThat(introspect(basic(confidential), first.refreshToken())).isEqualTo(INACTIVE);
    }

    @Test
    void introspectWhenSessionRevokedThenExactlyInactive() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);
        assertThat(OAuthForms.post(mvc, REVOKE, null, "token", tokens.accessToken())).hasStatus(HttpStatus.OK);

        assertThat(introspect(basic(confidential), tokens.accessToken())).isEqualTo(INACTIVE);
        assertThat(introspect(basic(confidential), tokens.refreshToken())).isEqualTo(INACTIVE);
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void introspectWhenRefreshTokenRevokedThenAccessTokenInactive() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);
        assertThat(OAuthForms.post(mvc, REVOKE, null, "token", tokens.refreshToken())).hasStatus(HttpStatus.OK);

        assertThat(introspect(basic(confidential), tokens.accessToken())).isEqualTo(INACTIVE);
    }

    @Test
    void introspectWhenGarbageOrExpiredThenInactive() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);
        for (String token : List.of("garbage", tokens.accessToken() + "x", tokens.sessionId() + ".0." + "A".repeat(43))) {
            assertThat(introspect(basic(confidential), token)).as(token).isEqualTo(INACTIVE);
        }

        clock.advance(properties.token().lifetime().plus(properties.token().clockSkew()).plusSeconds(1));

        assertThat(introspect(basic(confidential), tokens.accessToken())).isEqualTo(INACTIVE);
    }

    @Test
    void introspectWhenClientSecretPostThenAccepted() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);

        MvcTestResult result = OAuthForms.post(mvc, INTROSPECT, null, "token", tokens.accessToken(),
                "client_id", confidential.client().clientId(), "client_secret", confidential.secret());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(result).bodyJson().extractingPath("$.active").isEqualTo(true);
    }

    @Test
    void introspectWhenNoWrongOrPublicClientThenInvalidClient() throws Exception {
        Tokens tokens = TestUsers.signIn(mvc, account);
        List<MvcTestResult> results = List.of(
                OAuthForms.post(mvc, INTROSPECT, null, "token", tokens.accessToken()),
                OAuthForms.post(mvc, INTROSPECT, OAuthForms.basic(confidential.client().clientId(), "wrong-secret"),
                        "token", tokens.accessToken()),
                OAuthForms.post(mvc, INTROSPECT, null, "token", tokens.accessToken(),
                        "client_id", publicClient.client().clientId()),
                OAuthForms.post(mvc, INTROSPECT, OAuthForms.basic(publicClient.client().clientId(), ""),
                        "token", tokens.accessToken()));

        for (MvcTestResult result : results) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_client");
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_client");
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
            assertThat(result.getResponse().getContentAsString()).doesNotContain("\"active\"");
        }
    }

    @Test
    void introspectWhenTokenMissingThenInvalidRequest() {
        MvcTestResult result = OAuthForms.post(mvc, INTROSPECT, basic(confidential));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
    }

    private Map<String, Object> introspect(String basic, String token) throws Exception {
        MvcTestResult result = OAuthForms.post(mvc, INTROSPECT, basic, "token", token);
        assertThat(result).hasStatus(HttpStatus.OK);
        return JsonPath.read(result.getResponse().getContentAsString(), "$");
    }
}
