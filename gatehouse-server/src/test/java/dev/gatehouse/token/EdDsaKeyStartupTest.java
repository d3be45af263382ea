package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.List;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.config.InvalidConfigurationException;
import dev.gatehouse.support.TestStores;
import dev.gatehouse.token.StoredSigningKeyRows.StoredRow;

/**
 * Start-up with {@code gatehouse.token.algorithm=EdDSA}. A generated Ed25519 key is stored once,
 * encrypted, and reused by the next start on the same database. An Ed25519 PKCS#8 PEM file, as
 * {@code openssl genpkey -algorithm ed25519} writes it, becomes the signing key.
 */
@ExtendWith(OutputCaptureExtension.class)
class EdDsaKeyStartupTest {

    private static final String ALGORITHM = "gatehouse.token.algorithm=EdDSA";

    /** A schema of this class alone, so the first start is the one that generates the key. */
    private static final String SCHEMA = StandaloneGatehouse.newSchema();

    private static String firstKid;
    private static String secondKid;
    private static OctetKeyPair firstKey;
    private static List<StoredRow> storedRows;
    private static String startupLog;

    @BeforeAll
    static void startTwice(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext first = StandaloneGatehouse.start(SCHEMA, ALGORITHM)) {
            SigningKeys keys = first.getBean(SigningKeys.class);
            firstKid = keys.header().getKeyID();
            firstKey = (OctetKeyPair) keys.verificationKeys().getKeys().getFirst();
        }
        try (ConfigurableApplicationContext second = StandaloneGatehouse.start(SCHEMA, ALGORITHM)) {
            secondKid = second.getBean(SigningKeys.class).header().getKeyID();
        }
        storedRows = StoredSigningKeyRows.read(SCHEMA, "EdDSA");
        startupLog = output.getAll();
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
    void startWhenRestartedThenOneEdDsaKeyStored() {
        assertThat(storedRows).extracting(StoredRow::keyId).containsExactly(firstKid);
    }

    /** The key id is the RFC 7638 thumbprint of the key, so it stays the same across restarts and instances. */
    @Test
    void startWhenKeyGeneratedThenKidIsThumbprint() throws Exception {
        assertThat(firstKid).isEqualTo(firstKey.toPublicJWK().computeThumbprint().toString());
    }

    @Test
    void startWhenKeyStoredThenPrivateValueHidden() {
        String sealed = storedRows.getFirst().sealedKey();

        // A boolean, so that a failure message never prints the private key.
        assertThat(sealed.contains(firstKey.getD().toString())).as("sealed_key contains the private key's d value")
                .isFalse();
    }

    @Test
    void startWhenKeyGeneratedThenKidLoggedAndPrivateValueNot() {
        assertThat(startupLog.contains("Access tokens are signed with EdDSA, kid " + firstKid)).as("start-up was logged")
                .isTrue();
        assertThat(startupLog.contains(firstKey.getD().toString())).as("private signing key in the log").isFalse();
    }

    /** The PEM file that {@code openssl genpkey -algorithm ed25519} writes: a PKCS#8 private key alone. */
    @Test
    void startWhenEd25519PemThenSignsWithItsKey() throws Exception {
        KeyPair pair = TestPemFiles.generateEd25519KeyPair();
        Path pem = TestPemFiles.write(TestPemFiles.privateKeyBlock(pair));
        try (ConfigurableApplicationContext context = StandaloneGatehouse.start(TestStores.SCHEMA, ALGORITHM,
                "gatehouse.token.private-key-location=" + pem)) {
            SigningKeys keys = context.getBean(SigningKeys.class);
            JWSObject signed = new JWSObject(keys.header(), new Payload("{\"sub\":\"alice\"}"));
            signed.sign(keys.signer());

            // The JDK's own Ed25519 verifies with the public key of the PEM file's pair.
            Signature jdkVerifier = Signature.getInstance("Ed25519");
            jdkVerifier.initVerify(pair.getPublic());
            jdkVerifier.update(signed.getSigningInput());
            assertThat(jdkVerifier.verify(signed.getSignature().decode())).isTrue();

            OctetKeyPair published = (OctetKeyPair) keys.publicKeys().getKeys().getFirst();
            assertThat(published.isPrivate()).isFalse();
            assertThat(keys.header().getKeyID()).isEqualTo(published.computeThumbprint().toString());
        } finally {
            Files.deleteIfExists(pem);
        }
    }

    @Test
    void startWhenEcPemUnderEdDsaThenFails() throws Exception {
        Path pem = TestPemFiles.write(TestPemFiles.privateKeyBlock(TestPemFiles.generateEcKeyPair()));
        try {
            assertThatThrownBy(() -> StandaloneGatehouse.start(TestStores.SCHEMA, ALGORITHM,
                    "gatehouse.token.private-key-location=" + pem).close())
                    .rootCause()
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("must hold an Ed25519 private key for EdDSA");
        } finally {
            Files.deleteIfExists(pem);
        }
    }
}
