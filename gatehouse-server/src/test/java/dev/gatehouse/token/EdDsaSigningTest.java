package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Access tokens when {@code gatehouse.token.algorithm} is EdDSA: signed with a stored Ed25519 key,
 * published as an OKP key, advertised by discovery and accepted by Gatehouse's own endpoints. Each
 * rejection test first shows that the genuine token is accepted, so it fails when EdDSA verification is missing.
 */
@TestPropertySource(properties = "gatehouse.token.algorithm=EdDSA")
class EdDsaSigningTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    private Account account;
    private Tokens tokens;

    @BeforeEach
    void signIn() {
        account = TestUsers.signUp(mvc);
        tokens = TestUsers.signIn(mvc, account);
    }

    @Test
    void issueWhenEdDsaThenHeaderAlgorithmEdDsa() throws Exception {
        assertThat(SignedJWT.parse(tokens.accessToken()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
    }

    @Test
    void jwksWhenEdDsaThenOneOkpEd25519Key() throws Exception {
        String kid = SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID();

        // The raw JSON, because a parser could drop members it does not expect.
        List<Map<String, Object>> keys = JsonPath.read(jwksJson(), "$.keys");

        assertThat(keys).hasSize(1);
        assertThat(keys.getFirst()).containsEntry("kty", "OKP");
        assertThat(keys.getFirst()).containsEntry("crv", "Ed25519");
        assertThat(keys.getFirst()).containsEntry("alg", "EdDSA");
        assertThat(keys.getFirst()).containsEntry("use", "sig");
        assertThat(keys.getFirst()).containsEntry("kid", kid);
        assertThat(keys.getFirst()).containsKey("x");
        assertThat(keys.getFirst()).doesNotContainKey("d");
    }

    @Test
    void discoveryWhenEdDsaThenAdvertisesEdDsa() throws Exception {
        String body = mvc.get().uri("/.well-known/openid-configuration").exchange().getResponse().getContentAsString();

        List<String> algorithms = JsonPath.read(body, "$.id_token_signing_alg_values_supported");

        assertThat(algorithms).containsExactly("EdDSA");
    }

    @Test
    void issueWhenEdDsaThenVerifiesWithPublishedKey() throws Exception {
        OctetKeyPair published = (OctetKeyPair) JWKSet.parse(jwksJson()).getKeys().getFirst();

        SignedJWT token = SignedJWT.parse(tokens.accessToken());

        assertThat(token.verify(new Ed25519Verifier(published))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(account.id().toString());
    }

    @Test
    void currentUserWhenEdDsaThenOk() {
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void currentUserWhenEdDsaSignatureTamperedThenUnauthorized() {
        String[] parts = tokens.accessToken().split("\\.");
        // A character in the middle: the last one of a base64url signature may only carry padding bits.
        int middle = parts[2].length() / 2;
        char replacement = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
        parts[2] = parts[2].substring(0, middle) + replacement + parts[2].substring(middle + 1);

        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
        assertInvalidToken(TestUsers.currentUser(mvc, String.join(".", parts)));
    }

    @Test
    void currentUserWhenEdDsaOtherKeySameKidThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        OctetKeyPair otherKey = new OctetKeyPairGenerator(Curve.Ed25519).keyID(original.getHeader().getKeyID()).generate();

        String forged = sign(original, original.getHeader(), new Ed25519Signer(otherKey));

        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    /** The published OKP key used as an HMAC secret: a decoder that trusts the header's {@code alg} accepts this. */
    @Test
    void currentUserWhenHs256WithPublishedKeyThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        String publicKeyJson = JWKSet.parse(jwksJson()).getKeys().getFirst().toJSONString();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType(AccessTokenClaims.TOKEN_TYPE))
                .keyID(original.getHeader().getKeyID())
                .build();

        String forged = sign(original, header, new MACSigner(publicKeyJson.getBytes(StandardCharsets.UTF_8)));

        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    private String jwksJson() throws Exception {
        return mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString();
    }

    private static String sign(SignedJWT original, JWSHeader header, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, original.getJWTClaimsSet());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertInvalidToken(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_token");
    }
}
