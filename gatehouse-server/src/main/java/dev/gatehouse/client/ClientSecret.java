package dev.gatehouse.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates client ids and secrets and hashes secrets. A secret has 256 random bits, so one SHA-256
 * hash is enough to keep it from being recovered from the database. A slow password hash would only
 * add latency to every token request.
 */
final class ClientSecret {

    static final String CLIENT_ID_PREFIX = "gh_";
    private static final int CLIENT_ID_BYTES = 16;
    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecret() {
    }

    /** Returns {@code gh_} and 22 base64url characters of 128 random bits. */
    static String newClientId() {
        return CLIENT_ID_PREFIX + randomBase64(CLIENT_ID_BYTES);
    }

    /** Returns 43 base64url characters of 256 random bits. */
    static String newSecret() {
        return randomBase64(SECRET_BYTES);
    }

    /** Returns the base64url SHA-256 hash of the secret's UTF-8 bytes. */
    static String hash(String secret) {
        return BASE64URL.encodeToString(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares a presented secret with a stored hash in time that does not depend on where they differ. */
    static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", exception);
        }
    }

    private static String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
