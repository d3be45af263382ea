package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers.Tokens;

/** Access tokens when {@code gatehouse.token.algorithm} is HS256 with a secret of exactly 32 bytes. */
@TestPropertySource(properties = {
        "gatehouse.token.algorithm=HS256",
        "gatehouse.token.hmac-secret=" + HmacSigningTest.HMAC_SECRET_32_BYTES })
class HmacSigningTest extends IntegrationTest {

    static final String HMAC_SECRET_32_BYTES = "0123456789abcdef0123456789abcdef";

    @Autowired
    private MockMvcTester mvc;

    private Tokens tokens;

    @BeforeEach
    void signIn() {
        tokens = TestUsers.signUpAndSignIn(mvc);
    }

    @Test
    void issueWhenHs256ThenHeaderAlgorithmHs256() throws Exception {
        assertThat(SignedJWT.parse(tokens.accessToken()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    }

    @Test
    void issueWhenHs256ThenVerifiesWithSecret() throws Exception {
        MACVerifier verifier = new MACVerifier(HMAC_SECRET_32_BYTES.getBytes(StandardCharsets.UTF_8));

        assertThat(SignedJWT.parse(tokens.accessToken()).verify(verifier)).isTrue();
    }

    @Test
    void currentUserWhenHs256ThenOk() {
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void jwksWhenHs256ThenEmpty() throws Exception {
        String body = mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString();

        assertThat(JWKSet.parse(body).getKeys()).isEmpty();
    }

    @Test
    void jwksWhenHs256ThenSecretNotPublished() throws Exception {
        String body = mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString();

        String encodedSecret = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(HMAC_SECRET_32_BYTES.getBytes(StandardCharsets.UTF_8));

        // Booleans, so that a failure message never prints the secret.
        assertThat(body.contains(HMAC_SECRET_32_BYTES)).as("JWKS contains the HMAC secret").isFalse();
        assertThat(body.contains(encodedSecret)).as("JWKS contains the base64url HMAC secret").isFalse();
    }
}
