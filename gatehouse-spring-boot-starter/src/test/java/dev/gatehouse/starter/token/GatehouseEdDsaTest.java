package dev.gatehouse.starter.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.starter.app.TestApplication;
import dev.gatehouse.starter.support.HttpTestClient;
import dev.gatehouse.starter.support.TestApps;
import dev.gatehouse.starter.support.TestIssuer;
import dev.gatehouse.testserver.GatehouseTestClient;
import dev.gatehouse.testserver.GatehouseTestClient.TestUser;
import dev.gatehouse.testserver.GatehouseTestServer;

/**
 * The starter against a real Gatehouse, started in a child JVM with {@code gatehouse.token.algorithm=EdDSA}:
 * it accepts the server's Ed25519-signed tokens and rejects forgeries. Each rejection test first shows
 * that the genuine token is accepted, so it fails when EdDSA verification is missing.
 */
class GatehouseEdDsaTest {

    private static GatehouseTestServer server;
    private static GatehouseTestClient gatehouse;
    private static ConfigurableApplicationContext app;
    private static HttpTestClient http;

    @BeforeAll
    static void start() {
        server = GatehouseTestServer.start(Map.of("gatehouse.token.algorithm", "EdDSA"));
        gatehouse = server.client();
        app = TestApps.start(TestApplication.class, server.issuer(), "gatehouse.revocation.enabled=false");
        http = TestApps.client(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestWhenGatehouseSignsWithEdDsaThenUserBound() throws Exception {
        TestUser user = gatehouse.createUser();
        String accessToken = gatehouse.signIn(user).accessToken();

        HttpResponse<String> response = http.get("/me", accessToken);

        assertThat(SignedJWT.parse(accessToken).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpTestClient.json(response).get("id")).isEqualTo(user.id().toString());
    }

    @Test
    void requestWhenSignedByOtherEd25519KeyThenInvalidToken() throws Exception {
        SignedJWT genuine = SignedJWT.parse(gatehouse.signIn(gatehouse.createUser()).accessToken());
        OctetKeyPair otherKey = new OctetKeyPairGenerator(Curve.Ed25519)
                .keyID(genuine.getHeader().getKeyID())
                .generate();

        String forged = resign(genuine, genuine.getHeader(), new Ed25519Signer(otherKey));

        assertThat(http.get("/me", genuine.serialize()).statusCode()).isEqualTo(200);
        assertInvalidToken(http.get("/me", forged));
    }

    @Test
    void requestWhenHmacSignedWithPublishedKeyThenInvalidToken() throws Exception {
        SignedJWT genuine = SignedJWT.parse(gatehouse.signIn(gatehouse.createUser()).accessToken());
        JWK published = JWKSet.parse(gatehouse.get("/.well-known/jwks.json", null).body()).getKeys().getFirst();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build();
        byte[] secret = published.toJSONString().getBytes(StandardCharsets.UTF_8);

        String forged = resign(genuine, header, new MACSigner(secret));

        assertThat(http.get("/me", genuine.serialize()).statusCode()).isEqualTo(200);
        assertInvalidToken(http.get("/me", forged));
    }

    /** An ES256 token whose key is never published: discovery advertises EdDSA only. */
    @Test
    void requestWhenAlgorithmNotAdvertisedThenInvalidToken() throws Exception {
        SignedJWT genuine = SignedJWT.parse(gatehouse.signIn(gatehouse.createUser()).accessToken());

        String forged = TestIssuer.sign(genuine.getJWTClaimsSet(), TestIssuer.newKey(JWSAlgorithm.ES256),
                new JOSEObjectType("at+jwt"));

        assertThat(http.get("/me", genuine.serialize()).statusCode()).isEqualTo(200);
        assertInvalidToken(http.get("/me", forged));
    }

    private static String resign(SignedJWT genuine, JWSHeader header, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, genuine.getJWTClaimsSet());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpTestClient.code(response)).isEqualTo("invalid_token");
    }
}
