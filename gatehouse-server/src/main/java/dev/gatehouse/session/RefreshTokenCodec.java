package dev.gatehouse.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.gatehouse.keys.StoredKeys;
import dev.gatehouse.keys.StoredKeys.StoredKey;

/**
 * Creates, derives and hashes refresh tokens.
 *
 * <p>The token issued at sign-in has a 256-bit secret from a CSPRNG. Each successor's secret is
 * HMAC-SHA256 of the whole previous token under a server key, so a retried rotation yields the same
 * successor without storing any token in clear, and a presented ancestor can be proven genuine by
 * deriving forward until the stored hash of the current token is reached.
 */
@Component
class RefreshTokenCodec {

    static final String PURPOSE = "refresh-token-derivation";
    private static final String HMAC = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final int SESSION_ID_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec derivationKey;
    /**
     * One initialised HMAC per thread: {@code doFinal} resets it for the next input, so a derivation step
     * costs no provider lookup or key setup, which matters when an ancestor check runs thousands of steps.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    RefreshTokenCodec(StoredKeys storedKeys) {
        StoredKey key = storedKeys.loadOrCreate(PURPOSE, HMAC, this::generateKey);
        this.derivationKey = new SecretKeySpec(Base64.getUrlDecoder().decode(key.material()), HMAC);
    }

    String newSessionId() {
        return randomBase64(SESSION_ID_BYTES);
    }

    RefreshToken first(String sessionId) {
        return new RefreshToken(sessionId, 0, randomBase64(SECRET_BYTES));
    }

    RefreshToken successorOf(RefreshToken token) {
        byte[] secret = hmac(token.value().getBytes(StandardCharsets.US_ASCII));
        return new RefreshToken(token.sessionId(), token.generation() + 1, BASE64URL.encodeToString(secret));
    }

    /** SHA-256 of the whole token: enough for a 256-bit random secret, which cannot be guessed from its hash. */
    String hash(RefreshToken token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", exception);
        }
    }

    /**
     * Tells whether {@code candidate} is a genuine ancestor of the session's current token, by deriving
     * successors until the current generation and comparing hashes in constant time. Gives false when
     * the gap is larger than {@code maxSteps}, which bounds the work a forged token can cause.
     */
    boolean isAncestor(RefreshToken candidate, long currentGeneration, String currentHash, int maxSteps) {
        long gap = currentGeneration - candidate.generation();
        if (gap <= 0 || gap > maxSteps) {
            return false;
        }
        RefreshToken derived = candidate;
        for (long step = 0; step < gap; step++) {
            derived = successorOf(derived);
        }
        return constantTimeEquals(hash(derived), currentHash);
    }

    static boolean constantTimeEquals(String left, String right) {
        return MessageDigest.isEqual(left.getBytes(StandardCharsets.US_ASCII), right.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(byte[] input) {
        return macs.get().doFinal(input);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(derivationKey);
            return mac;
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", exception);
        }
    }

    private String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    private StoredKey generateKey() {
        return new StoredKey("refresh-" + randomBase64(6), randomBase64(SECRET_BYTES));
    }
}
