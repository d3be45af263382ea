package dev.gatehouse.starter.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.gatehouse.starter.support.HttpTestClient;
import dev.gatehouse.starter.support.StarterTestSupport;
import dev.gatehouse.starter.support.TestIssuer;

class TokenVerificationTest extends StarterTestSupport {

    @Test
    void requestWhenTokenValidThenUserBound() {
        UUID userId = UUID.randomUUID();
        String sessionId = UUID.randomUUID().toString();

        HttpResponse<String> response = get("/me", tokenFor(userId, sessionId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpTestClient.json(response).get("id")).isEqualTo(userId.toString());
        assertThat(HttpTestClient.json(response).get("sessionId")).isEqualTo(sessionId);
        assertThat(HttpTestClient.json(response).get("email")).isEqualTo("user-" + userId + "@example.com");
        assertThat(HttpTestClient.json(response).get("clientId")).isEqualTo("none");
    }

    @Test
    void requestWhenTokenHasClientIdThenUserCarriesIt() {
        String token = ISSUER.token(claims -> claims.claim("client_id", "gh_client").claim("roles", List.of("admin")));

        HttpResponse<String> response = get("/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpTestClient.json(response).get("clientId")).isEqualTo("gh_client");
        assertThat(HttpTestClient.json(response).get("roles")).isEqualTo(List.of("admin"));
    }

    @Test
    void requestWhenSignatureTamperedThenInvalidToken() {
        String token = ISSUER.token(claims -> { });
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"permissions\":[]",
                        "\"permissions\":[\"users:delete\"]").getBytes());
        String tampered = parts[0] + "." + forgedClaims + "." + parts[2];

        assertInvalidToken(get("/me", tampered));
    }

    @Test
    void requestWhenTokenExpiredThenInvalidToken() {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        String token = ISSUER.token(claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(15)))));

        assertInvalidToken(get("/me", token));
    }

    @Test
    void requestWhenExpiredWithinClockSkewThenAccepted() {
        Instant now = Instant.now();
        String token = ISSUER.token(claims -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(now.minusSeconds(5))));

        assertThat(get("/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void requestWhenNotBeforeInFutureThenInvalidToken() {
        String token = ISSUER.token(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))));

        assertInvalidToken(get("/me", token));
    }

    @Test
    void requestWhenIssuerWrongThenInvalidToken() {
        String token = ISSUER.token(claims -> claims.issuer("http://127.0.0.1:1"));

        assertInvalidToken(get("/me", token));
    }

    @Test
    void requestWhenAudienceWrongThenInvalidToken() {
        String token = ISSUER.token(claims -> claims.audience("another-service"));

        assertInvalidToken(get("/me", token));
    }

    @Test
    void requestWhenSubjectNotUuidThenInvalidToken() {
        String token = ISSUER.token(claims -> claims.subject("alice"));

        assertInvalidToken(get("/me", token));
    }

    @Test
    void requestWhenSessionIdMissingThenInvalidToken() {
        String token = ISSUER.token(claims -> claims.claim("sid", null));

        assertInvalidToken(get("/me", token));
    }

    @Test
    void requestWhenTypeIsPlainJwtThenInvalidToken() {
        JWTClaimsSet claims = ISSUER.claims(UUID.randomUUID(), UUID.randomUUID().toString()).build();

        assertInvalidToken(get("/me", TestIssuer.sign(claims, ISSUER.signingKey(), JOSEObjectType.JWT)));
    }

    @Test
    void requestWhenHmacSignedWithPublicKeyThenInvalidToken() throws Exception {
        RSAKey publicKey = ((RSAKey) ISSUER.signingKey()).toPublicJWK();
        JWTClaimsSet claims = ISSUER.claims(UUID.randomUUID(), UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));

        assertInvalidToken(get("/me", jwt.serialize()));
    }

    @Test
    void requestWhenAlgorithmNoneThenInvalidToken() {
        JWTClaimsSet claims = ISSUER.claims(UUID.randomUUID(), UUID.randomUUID().toString()).build();

        assertInvalidToken(get("/me", new PlainJWT(claims).serialize()));
    }

    @Test
    void requestWhenTokenNotJwtThenInvalidToken() {
        assertInvalidToken(get("/me", "not-a-jwt"));
    }

    @Test
    void requestWhenAuthorizationHeaderMalformedThenInvalidToken() {
        HttpResponse<String> response = http.get("/me", null, java.util.Map.of("Authorization", "Bearer a b"));

        assertInvalidToken(response);
    }

    @Test
    void requestWhenInvalidTokenOnPublicEndpointThenInvalidToken() {
        assertInvalidToken(get("/public/hello", "not-a-jwt"));
    }

    @Test
    void requestWhenKeyRotatedThenJwksRefetchedAndTokenAccepted() {
        assertThat(get("/me", ISSUER.token(claims -> { })).statusCode()).isEqualTo(200);
        int fetchesBefore = ISSUER.jwksRequests();

        ISSUER.rotateKey();
        String rotated = ISSUER.token(claims -> { });

        // Another test's unknown key id may have used up the refetches of the current rate-limit window.
        Awaitility.await().atMost(GatehouseJwtDecoder.JWKS_RATE_LIMIT.plusSeconds(3))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(get("/me", rotated).statusCode()).isEqualTo(200));
        assertThat(ISSUER.jwksRequests()).isGreaterThan(fetchesBefore);
    }

    @Test
    void requestWhenKeyNeverPublishedThenInvalidToken() {
        JWK unknown = ISSUER.unpublishedKey();
        JWTClaimsSet claims = ISSUER.claims(UUID.randomUUID(), UUID.randomUUID().toString()).build();

        assertInvalidToken(get("/me", TestIssuer.sign(claims, unknown, new JOSEObjectType("at+jwt"))));
    }

    @Test
    void requestWhenAlgorithmNotAdvertisedThenInvalidToken() {
        // The key is in the JWK Set, but discovery advertises RS256 only.
        JWK ecKey = TestIssuer.newKey(JWSAlgorithm.ES256);
        ISSUER.publish(ecKey.toPublicJWK());
        JWTClaimsSet claims = ISSUER.claims(UUID.randomUUID(), UUID.randomUUID().toString()).build();

        assertInvalidToken(get("/me", TestIssuer.sign(claims, ecKey, new JOSEObjectType("at+jwt"))));
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpTestClient.code(response)).isEqualTo("invalid_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }
}
