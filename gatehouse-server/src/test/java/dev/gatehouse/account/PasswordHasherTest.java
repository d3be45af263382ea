package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery";

    private final PasswordHashLimiter limiter = new PasswordHashLimiter(1, Duration.ofMillis(200));
    private final PasswordHasher hasher = new PasswordHasher(limiter);

    @Test
    void hashWhenNoPermitFreeThenUnavailable() throws Exception {
        HeldPermit.whileHeld(limiter, () -> {
            assertThatExceptionOfType(TooManyPasswordChecksException.class)
                    .isThrownBy(() -> hasher.hash(PASSWORD))
                    .satisfies(exception -> assertThat(exception.code()).isEqualTo("too_many_password_checks"));
        });

        assertThat(hasher.matches(PASSWORD, hasher.hash(PASSWORD))).isTrue();
    }

    @Test
    void matchesWhenNoPermitFreeThenUnavailable() throws Exception {
        String hash = hasher.hash(PASSWORD);

        HeldPermit.whileHeld(limiter, () -> {
            assertThatExceptionOfType(TooManyPasswordChecksException.class)
                    .isThrownBy(() -> hasher.matches(PASSWORD, hash))
                    .satisfies(exception -> assertThat(exception.code()).isEqualTo("too_many_password_checks"));
        });

        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void matchNothingWhenNoPermitFreeThenUnavailable() throws Exception {
        HeldPermit.whileHeld(limiter, () -> {
            assertThatExceptionOfType(TooManyPasswordChecksException.class)
                    .isThrownBy(() -> hasher.matchNothing(PASSWORD))
                    .satisfies(exception -> assertThat(exception.code()).isEqualTo("too_many_password_checks"));
        });

        assertThatNoException().isThrownBy(() -> hasher.matchNothing(PASSWORD));
    }

    @Test
    void matchesWhenUnpairedSurrogateThenPermitReleased() {
        String hash = hasher.hash(PASSWORD);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(hasher.matches("pass\ud800word-long", hash)).isFalse();
        }

        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\ud800word-long", "pass\udc00word-long", "password-long\ud800", "\udc00\ud800password"})
    void matchesWhenUnpairedSurrogateThenFalse(String password) {
        String hash = hasher.hash(PASSWORD);

        assertThat(hasher.matches(password, hash)).isFalse();
    }

    @Test
    void matchesWhenHashOfReplacementCharacterThenFalse() {
        String hash = hasher.hash("pass\ufffdword-long");

        assertThat(hasher.matches("pass\ud800word-long", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\ud800word-long", "pass\udc00word-long", "password-long\ud800", "\udc00\ud800password"})
    void matchNothingWhenUnpairedSurrogateThenNoException(String password) {
        assertThatNoException().isThrownBy(() -> hasher.matchNothing(password));
    }

    @Test
    void hashWhenUnpairedSurrogateThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> hasher.hash("pass\ud800word-long"));
    }

    @Test
    void hashWhenSurrogatePairThenMatches() {
        String password = "key \ud83d\udd11 passphrase";

        assertThat(hasher.matches(password, hasher.hash(password))).isTrue();
    }

    @Test
    void matchesWhenSpringSecurityHashThenTrue() {
        String hash = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);

        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(hasher.matches(PASSWORD + "!", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void hashWhenCheckedBySpringSecurityThenMatches() {
        Argon2PasswordEncoder reference = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

        for (int round = 0; round < 3; round++) {
            String hash = hasher.hash(PASSWORD);

            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(reference.matches(PASSWORD, hash)).isTrue();
        }
    }

    @Test
    void hashWhenParallelThenEachCorrect() throws Exception {
        PasswordHashLimiter fourPermits = new PasswordHashLimiter(4, Duration.ofSeconds(30));
        PasswordHasher parallelHasher = new PasswordHasher(fourPermits);
        Argon2PasswordEncoder reference = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        List<Future<String>> hashes = new ArrayList<>();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int task = 0; task < 8; task++) {
                String password = PASSWORD + " " + task;
                hashes.add(threads.submit(() -> {
                    String hash = parallelHasher.hash(password);
                    return parallelHasher.matches(password, hash) ? hash : "mismatch";
                }));
            }
        }

        for (int task = 0; task < hashes.size(); task++) {
            assertThat(reference.matches(PASSWORD + " " + task, hashes.get(task).get())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAEC",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=2147483647,t=1,p=1$c29tZXNhbHQ$AAECAwQFBgc",
        "$argon2id$v=19$m=8,t=1000000,p=1$c29tZXNhbHQ$AAECAwQFBgc"})
    void matchesWhenStoredHashMalformedThenFalse(String stored) {
        assertThat(hasher.matches(PASSWORD, stored)).isFalse();
        assertThat(hasher.needsRehash(stored)).isFalse();
    }

    @Test
    void needsRehashWhenWeakerOrOlderThenTrue() {
        assertThat(hasher.needsRehash(hasher.hash(PASSWORD))).isFalse();
        assertThat(hasher.needsRehash(new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2).encode(PASSWORD))).isTrue();
        assertThat(hasher.needsRehash(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 1).encode(PASSWORD))).isTrue();
        assertThat(hasher.needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc")).isTrue();
        assertThat(hasher.needsRehash("$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHQ$AAECAwQFBgc")).isTrue();
        assertThat(hasher.needsRehash(new Argon2PasswordEncoder(16, 32, 1, 64 * 1024, 3).encode(PASSWORD))).isFalse();
    }
}
