package dev.gatehouse.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.config.InvalidConfigurationException;

/**
 * Encrypts key material before it is stored and decrypts it after it is read, as a compact JWE with
 * direct AES-256-GCM. The encryption key is SHA-256 of {@code gatehouse.keys.encryption-secret};
 * when that is unset, a random secret is generated once into the data directory.
 */
@Component
class KeyEncryption {

    static final String SECRET_FILE_NAME = "key-encryption.secret";
    private static final int MIN_SECRET_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);

    private final SecretKey encryptionKey;

    KeyEncryption(GatehouseProperties properties) {
        this.encryptionKey = deriveKey(resolveSecret(properties));
    }

    String seal(String plaintext) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(plaintext));
            jwe.encrypt(new DirectEncrypter(encryptionKey));
            return jwe.serialize();
        } catch (JOSEException exception) {
            throw new IllegalStateException("Failed to encrypt key material", exception);
        }
    }

    String unseal(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(encryptionKey));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException exception) {
            throw new InvalidConfigurationException("Stored keys cannot be decrypted: gatehouse.keys.encryption-secret "
                    + "differs from the secret they were stored with. Restore the original secret.", exception);
        }
    }

    private static String resolveSecret(GatehouseProperties properties) {
        String configured = properties.keys().encryptionSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new InvalidConfigurationException("gatehouse.keys.encryption-secret must be at least "
                        + MIN_SECRET_LENGTH + " characters long; generate one with: openssl rand -base64 32");
            }
            return configured;
        }
        return readOrCreateSecretFile(properties.dataDirectory().resolve(SECRET_FILE_NAME));
    }

    private static String readOrCreateSecretFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            restrictToOwner(file);
            log.warn("Generated a key-encryption secret in {}. In production set GATEHOUSE_KEYS_ENCRYPTION_SECRET "
                    + "instead, the same on every instance, and keep it out of the database backups.", file.toAbsolutePath());
            return secret;
        } catch (IOException exception) {
            throw new InvalidConfigurationException("Cannot read or create " + file.toAbsolutePath()
                    + ": set gatehouse.data-directory to a writable folder or set GATEHOUSE_KEYS_ENCRYPTION_SECRET", exception);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException exception) {
            log.warn("Cannot restrict permissions of {} on this file system", file.toAbsolutePath());
        }
    }

    private static SecretKey deriveKey(String secret) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(key, "AES");
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", exception);
        }
    }
}
