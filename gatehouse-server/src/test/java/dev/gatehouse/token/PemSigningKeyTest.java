package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Access tokens signed with a key pair from {@code gatehouse.token.private-key-location}: an EC P-256
 * key pair that this class generates and writes as one PEM file, the unencrypted PKCS#8 private key
 * followed by the public key.
 */
class PemSigningKeyTest extends IntegrationTest {

    private static final KeyPair KEY_PAIR = TestPemFiles.generateEcKeyPair();
    private static final Path PEM_FILE = TestPemFiles.write(
            TestPemFiles.privateKeyBlock(KEY_PAIR) + TestPemFiles.publicKeyBlock(KEY_PAIR));

    @Autowired
    private MockMvcTester mvc;

    private Tokens tokens;

    @DynamicPropertySource
    static void privateKeyLocation(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.token.private-key-location", PEM_FILE::toString);
    }

    @AfterAll
    static void deletePem() throws IOException {
        Files.deleteIfExists(PEM_FILE);
    }

    @BeforeEach
    void signIn() {
        tokens = TestUsers.signUpAndSignIn(mvc);
    }

    @Test
    void issueWhenPemKeyThenVerifiesWithPublicKey() throws Exception {
        ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) KEY_PAIR.getPublic());

        assertThat(SignedJWT.parse(tokens.accessToken()).verify(verifier)).isTrue();
    }

    @Test
    void issueWhenPemKeyThenAlgorithmEs256() throws Exception {
        assertThat(SignedJWT.parse(tokens.accessToken()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    /** The key id is the RFC 7638 thumbprint of the key, so it stays the same across restarts and instances. */
    @Test
    void issueWhenPemKeyThenKidIsThumbprint() throws Exception {
        String thumbprint = publicJwk().computeThumbprint().toString();

        assertThat(SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID()).isEqualTo(thumbprint);
    }

    @Test
    void jwksWhenPemKeyThenPublishesPublicKey() throws Exception {
        String body = mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString();

        ECKey published = (ECKey) JWKSet.parse(body).getKeys().getFirst();

        assertThat(published.toECPublicKey()).isEqualTo(KEY_PAIR.getPublic());
    }

    @Test
    void currentUserWhenPemKeyThenOk() {
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    private static ECKey publicJwk() {
        return new ECKey.Builder(Curve.P_256, (ECPublicKey) KEY_PAIR.getPublic()).build();
    }
}
