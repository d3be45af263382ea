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
 *
 * <p>Every hash and verification, the dummy one for unknown emails included, runs under a permit of
 * the {@link PasswordHashLimiter}, so at most {@code gatehouse.password.max-concurrent-hashes} of them
 * run at once and their memory is bounded by that number × 19 MiB. A caller that gets no permit in time
 * gets {@link TooManyPasswordChecksException}.
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

    private final PasswordHashLimiter limiter;

    /** Hash of a random, discarded password, verified for unknown emails so they take as long as known ones. */
    private final String dummyHash;

    PasswordHasher(PasswordHashLimiter limiter) {
        this.limiter = limiter;
        byte[] randomPassword = new byte[32];
        new SecureRandom().nextBytes(randomPassword);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(randomPassword));
    }

    /**
     * Hashes a password that {@link Credentials#requireValidPassword} accepted.
     *
     * @throws IllegalArgumentException when the password contains an unpaired surrogate, which has no
     *         UTF-8 encoding to hash
     * @throws TooManyPasswordChecksException when no permit frees up in time
     */
    String hash(String password) {
        if (!Credentials.isWellFormedUtf16(password)) {
            throw new IllegalArgumentException("The password contains an unpaired UTF-16 surrogate."
                    + " Check it with Credentials.requireValidPassword before hashing.");
        }
        String normalised = normalise(password);
        return limiter.withPermit(() -> encoder.encode(normalised));
    }

    /**
     * Returns true when the password matches the hash. A password with an unpaired surrogate matches no
     * hash, because sign-up rejects it, but it still costs one verification against the dummy hash, so it
     * takes as long as any other wrong password.
     *
     * @throws TooManyPasswordChecksException when no permit frees up in time
     */
    boolean matches(String password, String hash) {
        if (!Credentials.isWellFormedUtf16(password)) {
            matchNothing(password);
            return false;
        }
        String normalised = normalise(password);
        return limiter.withPermit(() -> encoder.matches(normalised, hash));
    }

    /**
     * Verifies the password against a hash that never matches, spending the time a real verification
     * takes. Any string is accepted: unpaired surrogates are replaced first, so they cannot make it fail.
     *
     * @throws TooManyPasswordChecksException when no permit frees up in time
     */
    void matchNothing(String password) {
        String normalised = normalise(Credentials.replaceUnpairedSurrogates(password));
        limiter.withPermit(() -> encoder.matches(normalised, dummyHash));
    }

    /**
     * Rejects a password check before any other work when the limiter could not take it anyway.
     *
     * @throws TooManyPasswordChecksException when every permit is taken and the waiting line is full
     */
    void requireCapacity() {
        limiter.requireCapacity();
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
