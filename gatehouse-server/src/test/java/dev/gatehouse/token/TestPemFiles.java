package dev.gatehouse.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Generates EC P-256 and Ed25519 key pairs and writes them as PEM files for
 * {@code gatehouse.token.private-key-location}.
 */
final class TestPemFiles {

    private TestPemFiles() {
    }

    static KeyPair generateEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("This JDK cannot generate EC P-256 keys", exception);
        }
    }

    static KeyPair generateEd25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("This JDK cannot generate Ed25519 keys", exception);
        }
    }

    /** Encodes the unencrypted PKCS#8 private key (RFC 7468, section 10), as {@code openssl genpkey} writes it. */
    static String privateKeyBlock(KeyPair pair) {
        return block("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** Encodes the SubjectPublicKeyInfo public key (RFC 7468, section 13), as {@code openssl pkey -pubout} does. */
    static String publicKeyBlock(KeyPair pair) {
        return block("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** Writes the PEM text to a new temporary file; the caller deletes it. */
    static Path write(String pem) {
        try {
            Path file = Files.createTempFile("gatehouse-signing-key-", ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException exception) {
            throw new UncheckedIOException("Cannot write the test signing key", exception);
        }
    }

    private static String block(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }
}
