package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.config.InvalidConfigurationException;
import dev.gatehouse.support.TestStores;
import dev.gatehouse.token.StoredSigningKeyRows.StoredRow;

/**
 * Start-up of the signing key. A generated ES256 key is stored once, encrypted, and reused by the
 * next start on the same database. An HS256 secret that is too short stops the start.
 */
class SigningKeyStartupTest {

    private static final String HMAC_SECRET_31_BYTES = "0123456789abcdef0123456789abcde";

    /** A schema of this class alone, so the first start is the one that generates the key. */
    private static final String SCHEMA = StandaloneGatehouse.newSchema();

    private static String firstKid;
    private static String secondKid;
    private static String privateKeyD;
    private static List<StoredRow> storedRows;

    @BeforeAll
    static void startTwice() throws Exception {
        try (ConfigurableApplicationContext first = StandaloneGatehouse.start(SCHEMA)) {
            SigningKeys keys = first.getBean(SigningKeys.class);
            firstKid = keys.header().getKeyID();
            privateKeyD = ((ECKey) keys.verificationKeys().getKeys().getFirst()).getD().toString();
        }
        try (ConfigurableApplicationContext second = StandaloneGatehouse.start(SCHEMA)) {
            secondKid = second.getBean(SigningKeys.class).header().getKeyID();
        }
        storedRows = StoredSigningKeyRows.read(SCHEMA, "ES256");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        StandaloneGatehouse.dropSchema(SCHEMA);
    }

    @Test
    void startWhenRestartedThenKidUnchanged() {
        assertThat(secondKid).isEqualTo(firstKid);
    }

    @Test
    void startWhenRestartedThenOneKeyStored() {
        assertThat(storedRows).extracting(StoredRow::keyId).containsExactly(firstKid);
    }

    @Test
    void startWhenKeyStoredThenPrivateValueHidden() {
        String sealed = storedRows.getFirst().sealedKey();

        // A boolean, so that a failure message never prints the private key.
        assertThat(sealed.contains(privateKeyD)).as("sealed_key contains the private key's d value").isFalse();
    }

    @Test
    void startWhenKeyStoredThenCompactJwe() throws Exception {
        String sealed = storedRows.getFirst().sealedKey();

        // RFC 7516, section 7.1: five base64url parts; the header part starts with the encoding of '{"'.
        assertThat(sealed).startsWith("eyJ");
        assertThat(sealed.split("\\.", -1)).hasSize(5);
        assertThat(JWEObject.parse(sealed).getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.DIR);
        assertThat(JWEObject.parse(sealed).getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
    }

    @Test
    void startWhenHmacSecretTooShortThenFails() {
        assertThatThrownBy(() -> StandaloneGatehouse.start(TestStores.SCHEMA, "gatehouse.token.algorithm=HS256",
                "gatehouse.token.hmac-secret=" + HMAC_SECRET_31_BYTES).close())
                .rootCause()
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gatehouse.token.hmac-secret");
    }

    /** The PEM file that {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} writes. */
    @Test
    void startWhenPemOnlyPrivateKeyThenStarts() throws Exception {
        KeyPair pair = TestPemFiles.generateEcKeyPair();
        Path pem = TestPemFiles.write(TestPemFiles.privateKeyBlock(pair));
        try (ConfigurableApplicationContext context = StandaloneGatehouse.start(TestStores.SCHEMA,
                "gatehouse.token.private-key-location=" + pem)) {
            ECKey published = (ECKey) context.getBean(SigningKeys.class).publicKeys().getKeys().getFirst();

            assertThat(published.toECPublicKey()).isEqualTo(pair.getPublic());
        } finally {
            Files.deleteIfExists(pem);
        }
    }
}
