package dev.gatehouse.account;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and verifies passwords with Argon2id. Hashes are PHC strings such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, so each hash records its own parameters and
 * stays verifiable after the parameters below change.
 */
@Component
class PasswordHasher {

    // Parameters recommended for Argon2id by the OWASP Password Storage Cheat Sheet.
    private static final int SALT_LENGTH_BYTES = 16;
    private static final int HASH_LENGTH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_LENGTH_BYTES, HASH_LENGTH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

    /** Hash of a random, discarded password, verified for unknown emails so they take as long as known ones. */
    private final String dummyHash;

    PasswordHasher() {
        byte[] randomPassword = new byte[32];
        new SecureRandom().nextBytes(randomPassword);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(randomPassword));
    }

    String hash(String password) {
        return encoder.encode(normalise(password));
    }

    boolean matches(String password, String hash) {
        return encoder.matches(normalise(password), hash);
    }

    /** Verifies the password against a hash that never matches, spending the time a real verification takes. */
    void matchNothing(String password) {
        encoder.matches(normalise(password), dummyHash);
    }

    /** Returns true when the hash was made with weaker parameters than the current ones. */
    boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /**
     * Applies Unicode NFKC normalisation, as NIST SP 800-63B (section 5.1.1.2) recommends, so that a
     * password typed as precomposed or as decomposed characters gives the same hash.
     */
    private static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
