package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.keys.StoredKeys;

/**
 * Starts Gatehouse on an empty schema at DEBUG, so it generates and stores its keys, and checks that
 * no key material or key-encryption secret reached the log. Failures print no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyLoggingTest {

    private static final String ENCRYPTION_SECRET = "key-logging-test-encryption-secret-0123456789";

    @Test
    void startWhenKeysGeneratedThenNoKeyMaterialLogged(CapturedOutput output) throws Exception {
        String schema = StandaloneGatehouse.newSchema();
        String privateKey;
        String derivationKey;
        try (ConfigurableApplicationContext context = StandaloneGatehouse.start(schema,
                "logging.level.dev.gatehouse=DEBUG", "gatehouse.keys.encryption-secret=" + ENCRYPTION_SECRET)) {
            ECKey signing = (ECKey) context.getBean(SigningKeys.class).verificationKeys().getKeys().getFirst();
            privateKey = signing.getD().toString();
            derivationKey = context.getBean(StoredKeys.class)
                    .loadOrCreate("refresh-token-derivation", "HmacSHA256", () -> {
                        throw new AssertionError("the derivation key must exist after start-up");
                    })
                    .material();
        } finally {
            StandaloneGatehouse.dropSchema(schema);
        }

        String log = output.getAll();
        assertThat(log.contains("Access tokens are signed with ES256")).as("start-up was logged").isTrue();
        assertThat(log.contains(privateKey)).as("private signing key in the log").isFalse();
        assertThat(log.contains(derivationKey)).as("refresh-token derivation key in the log").isFalse();
        assertThat(log.contains(ENCRYPTION_SECRET)).as("key-encryption secret in the log").isFalse();
    }
}
