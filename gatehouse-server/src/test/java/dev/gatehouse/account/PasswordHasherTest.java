package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
