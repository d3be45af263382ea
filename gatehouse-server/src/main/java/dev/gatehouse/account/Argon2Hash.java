package dev.gatehouse.account;

import java.util.Base64;
import java.util.Optional;

import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An Argon2 hash in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, with
 * salt and hash in standard Base64 without padding. This is the format Spring Security's
 * {@code Argon2PasswordEncoder} writes, so hashes stored before Gatehouse hashed through BouncyCastle
 * directly still parse. A missing {@code v=} means version 16 (0x10), as in the reference implementation.
 *
 * <p>The arrays are not copied, because an instance is parsed, used for one verification and dropped.
 *
 * @param type {@link Argon2Parameters#ARGON2_d}, {@link Argon2Parameters#ARGON2_i} or
 *        {@link Argon2Parameters#ARGON2_id}
 * @param version {@link Argon2Parameters#ARGON2_VERSION_10} or {@link Argon2Parameters#ARGON2_VERSION_13}
 * @param memoryKib memory cost in KiB
 */
record Argon2Hash(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final String[] TYPE_NAMES = {"argon2d", "argon2i", "argon2id"};
    private static final int MIN_HASH_LENGTH_BYTES = 4;

    /**
     * Upper bounds on the costs of a stored hash, well above Gatehouse's own (19 MiB, 2 iterations, 1 lane),
     * so a hash written into the database with huge costs cannot exhaust the heap or hold a permit for hours.
     */
    static final int MAX_MEMORY_KIB = 64 * 1024;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;

    /**
     * Parses a PHC string. Returns empty when the string is not an Argon2 hash in this format, or its
     * costs are out of Argon2's range or above this class's maximums.
     */
    static Optional<Argon2Hash> parse(String encoded) {
        try {
            return Optional.of(parseOrThrow(encoded));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** Returns the PHC string of this hash. */
    String encode() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$" + TYPE_NAMES[type] + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p="
                + parallelism + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Returns the parameters of this hash, to compute a hash with the same type, costs and salt. */
    Argon2Parameters.Builder parameters() {
        return new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
    }

    @Override
    public String toString() {
        return "Argon2Hash[" + TYPE_NAMES[type] + ", v=" + version + ", m=" + memoryKib + ", t=" + iterations
                + ", p=" + parallelism + "]";
    }

    private static Argon2Hash parseOrThrow(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 5 && parts.length != 6 || !parts[0].isEmpty()) {
            throw new IllegalArgumentException("not a PHC string");
        }
        int type = parseType(parts[1]);
        boolean versioned = parts.length == 6;
        int version = versioned ? parseVersion(parts[2]) : Argon2Parameters.ARGON2_VERSION_10;
        int costsIndex = versioned ? 3 : 2;
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts[costsIndex + 1]);
        byte[] hash = base64.decode(parts[costsIndex + 2]);
        if (hash.length < MIN_HASH_LENGTH_BYTES) {
            throw new IllegalArgumentException("hash too short");
        }
        return withCosts(type, version, parts[costsIndex], salt, hash);
    }

    private static int parseType(String name) {
        for (int type = 0; type < TYPE_NAMES.length; type++) {
            if (TYPE_NAMES[type].equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown Argon2 type");
    }

    private static int parseVersion(String field) {
        int version = parseValue(field, "v");
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            throw new IllegalArgumentException("unknown Argon2 version");
        }
        return version;
    }

    /** Reads {@code m=…,t=…,p=…} in this order, and checks the minimums of RFC 9106, section 3.1. */
    private static Argon2Hash withCosts(int type, int version, String field, byte[] salt, byte[] hash) {
        String[] costs = field.split(",", -1);
        if (costs.length != 3) {
            throw new IllegalArgumentException("expected m, t and p");
        }
        int memoryKib = parseValue(costs[0], "m");
        int iterations = parseValue(costs[1], "t");
        int parallelism = parseValue(costs[2], "p");
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB
                || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 costs out of range");
        }
        return new Argon2Hash(type, version, memoryKib, iterations, parallelism, salt, hash);
    }

    private static int parseValue(String field, String key) {
        if (!field.startsWith(key + "=")) {
            throw new IllegalArgumentException("expected " + key + "=");
        }
        String digits = field.substring(key.length() + 1);
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected a decimal number");
        }
        long value = Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("number too large");
        }
        return (int) value;
    }
}
