package dev.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.FixedBlockPool;
import org.bouncycastle.crypto.params.Argon2Parameters;
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
 *
 * <p>Each computation borrows a pool of BouncyCastle memory blocks and returns it, zeroed, when it ends,
 * so the 19 MiB of blocks are allocated once per permit instead of once per computation. Without the
 * pools every sign-in allocated 19,456 new 1 KiB blocks, and the garbage collector copied the ones still
 * in use at each young collection. The pools stay allocated, so the heap keeps up to
 * {@code max-concurrent-hashes × 19 MiB}, the same bound the limiter sets on Argon2id memory in use.
 */
@Component
class PasswordHasher {

    // Parameters recommended for Argon2id by the OWASP Password Storage Cheat Sheet.
    private static final int SALT_LENGTH_BYTES = 16;
    private static final int HASH_LENGTH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    /** Working blocks that BouncyCastle's generator takes from the pool besides the memory blocks. */
    private static final int FILL_BLOCKS = 4;

    private final SecureRandom random = new SecureRandom();
    private final PasswordHashLimiter limiter;

    /** Block pools not in use; at most one per computation running at once. */
    private final Queue<BlockPool> idleBlockPools = new ConcurrentLinkedQueue<>();

    /**
     * Hash verified for unknown emails, so they take as long as known ones. It has the current costs and a
     * random salt and hash, so no password matches it and start-up hashes no password to make it.
     */
    private final String dummyHash;

    PasswordHasher(PasswordHashLimiter limiter) {
        this.limiter = limiter;
        this.dummyHash = withCurrentCosts(randomBytes(SALT_LENGTH_BYTES), randomBytes(HASH_LENGTH_BYTES)).encode();
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
        return limiter.withPermit(() -> encode(normalised));
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
        return limiter.withPermit(() -> verify(normalised, hash));
    }

    /**
     * Verifies the password against a hash that never matches, spending the time a real verification
     * takes. Any string is accepted: unpaired surrogates are replaced first, so they cannot make it fail.
     *
     * @throws TooManyPasswordChecksException when no permit frees up in time
     */
    void matchNothing(String password) {
        String normalised = normalise(Credentials.replaceUnpairedSurrogates(password));
        limiter.withPermit(() -> verify(normalised, dummyHash));
    }

    /**
     * Rejects a password check before any other work when the limiter could not take it anyway.
     *
     * @throws TooManyPasswordChecksException when every permit is taken and the waiting line is full
     */
    void requireCapacity() {
        limiter.requireCapacity();
    }

    /**
     * Returns true when the hash is not Argon2id version 19 or was made with less memory or fewer
     * iterations than the current parameters. An unparsable hash needs no rehash, because it matches
     * no password.
     */
    boolean needsRehash(String hash) {
        return Argon2Hash.parse(hash)
                .map(stored -> stored.type() != Argon2Parameters.ARGON2_id
                        || stored.version() != Argon2Parameters.ARGON2_VERSION_13
                        || stored.memoryKib() < MEMORY_KIB
                        || stored.iterations() < ITERATIONS)
                .orElse(false);
    }

    private String encode(String password) {
        byte[] salt = randomBytes(SALT_LENGTH_BYTES);
        Argon2Parameters.Builder parameters = withCurrentCosts(salt, new byte[0]).parameters();
        return withCurrentCosts(salt, compute(password, parameters, HASH_LENGTH_BYTES)).encode();
    }

    private static Argon2Hash withCurrentCosts(byte[] salt, byte[] hash) {
        return new Argon2Hash(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, MEMORY_KIB, ITERATIONS,
                PARALLELISM, salt, hash);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Computes the hash of the password with the stored hash's parameters and compares the two in constant
     * time. A stored hash that does not parse matches nothing, after a verification against the dummy hash
     * so that it takes as long as a wrong password.
     */
    private boolean verify(String password, String storedHash) {
        var stored = Argon2Hash.parse(storedHash);
        if (stored.isEmpty()) {
            verify(password, dummyHash);
            return false;
        }

        byte[] expected = stored.get().hash();
        byte[] actual = compute(password, stored.get().parameters(), expected.length);

        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] compute(String password, Argon2Parameters.Builder parameters, int hashLength) {
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        BlockPool blockPool = Objects.requireNonNullElseGet(idleBlockPools.poll(), () -> new FixedBlockPool(
                Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM) + FILL_BLOCKS));
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters.withBlockPool(blockPool).build());
            byte[] hash = new byte[hashLength];
            generator.generateBytes(passwordBytes, hash);
            return hash;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            idleBlockPools.offer(blockPool);
        }
    }

    /**
     * Applies Unicode NFKC normalisation, as NIST SP 800-63B (section 5.1.1.2) recommends, so that a
     * password typed as precomposed or as decomposed characters gives the same hash.
     */
    private static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
