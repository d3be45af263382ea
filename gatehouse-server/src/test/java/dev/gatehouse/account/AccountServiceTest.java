package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.error.ConflictException;
import dev.gatehouse.error.InvalidRequestException;
import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class AccountServiceTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private AccountService accounts;

    @Autowired
    private PasswordHashLimiter limiter;

    @Autowired
    private AuthorizationService authorization;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PasswordHashLimiter passwordHashLimiter;

    @Test
    void authenticateWhenPasswordRightThenAccount() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(accounts.authenticate(account.email(), PASSWORD)).contains(account);
    }

    @Test
    void authenticateWhenEmailInOtherCaseThenAccount() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(accounts.authenticate(" " + account.email().toUpperCase() + " ", PASSWORD)).contains(account);
    }

    @Test
    void authenticateWhenPasswordWrongThenEmpty() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(accounts.authenticate(account.email(), PASSWORD + "!")).isEmpty();
    }

    @Test
    void authenticateWhenEmailUnknownThenEmpty() {
        assertThat(accounts.authenticate(uniqueEmail(), PASSWORD)).isEmpty();
    }

    @Test
    void authenticateWhenEmailOrPasswordNullThenEmpty() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(accounts.authenticate(null, PASSWORD)).isEmpty();
        assertThat(accounts.authenticate(account.email(), null)).isEmpty();
    }

    @Test
    void authenticateWhenPasswordDecomposedThenAccount() {
        String composed = Normalizer.normalize("Crème brûlée 2024", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        Account account = accounts.signUp(uniqueEmail(), composed);

        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(accounts.authenticate(account.email(), decomposed)).contains(account);
    }

    @Test
    void authenticateWhenEmailUnknownThenOneVerification() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);
        long before = limiter.completedChecks();
        accounts.authenticate(account.email(), "wrong password");
        long afterWrongPassword = limiter.completedChecks();
        accounts.authenticate(uniqueEmail(), "wrong password");

        // Equal Argon2id work is what makes an unknown email take as long as a wrong password.
        assertThat(afterWrongPassword - before).isEqualTo(1);
        assertThat(limiter.completedChecks() - afterWrongPassword).isEqualTo(1);
    }

    @Test
    void signUpThenHashIsOwaspArgon2id() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        String hash = storedHash(account.id());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash).doesNotContain(PASSWORD);
        String[] parts = hash.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void signUpWhenSamePasswordThenHashesDiffer() {
        Account first = accounts.signUp(uniqueEmail(), PASSWORD);
        Account second = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(storedHash(first.id())).isNotEqualTo(storedHash(second.id()));
    }

    @Test
    void authenticateWhenHashHasWeakerParametersThenRehashed() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);
        String weakHash = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2).encode(PASSWORD);
        jdbc.sql("update users set password_hash = :hash where id = :id")
                .param("hash", weakHash)
                .param("id", account.id())
                .update();

        assertThat(accounts.authenticate(account.email(), PASSWORD)).contains(account);

        assertThat(storedHash(account.id())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void signUpThenNoAuthorities() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        var authorities = authorization.authoritiesOf(account.id());

        assertThat(authorities.roles()).isEmpty();
        assertThat(authorities.permissions()).isEmpty();
    }

    @Test
    void signUpWhenPasswordInvalidThenNothingStored() {
        String email = uniqueEmail();

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> accounts.signUp(email, "short"))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_password"));

        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void signUpWhenNullThenInvalid() {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> accounts.signUp(null, PASSWORD))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_email"));
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> accounts.signUp(uniqueEmail(), null))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_password"));
    }

    @Test
    void signUpWhenRacingThenOneAccount() throws Exception {
        String email = uniqueEmail();
        int attempts = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Account>> results = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(attempts)) {
            Callable<Account> attempt = () -> {
                start.await();
                return accounts.signUp(email, PASSWORD);
            };
            for (int i = 0; i < attempts; i++) {
                results.add(executor.submit(attempt));
            }
            start.countDown();

            int created = 0;
            int taken = 0;
            for (Future<Account> result : results) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException failure) {
                    assertThat(failure.getCause()).isInstanceOf(ConflictException.class);
                    assertThat(((ConflictException) failure.getCause()).code()).isEqualTo("email_taken");
                    taken++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(taken).isEqualTo(attempts - 1);
        }

        assertThat(jdbc.sql("select count(*) from users where email = :email")
                .param("email", email)
                .query(Long.class)
                .single()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\ud800word-long", "pass\udc00word-long", "password-long\ud800", "\udc00\ud800password"})
    void signUpWhenPasswordHasUnpairedSurrogateThenInvalid(String password) {
        String email = uniqueEmail();

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> accounts.signUp(email, password))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_password"));

        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "\udc00", "\udc00\ud800"})
    void signUpWhenEmailHasUnpairedSurrogateThenInvalid(String surrogates) {
        String localPart = "account-" + UUID.randomUUID();

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> accounts.signUp(localPart + surrogates + "@example.test", PASSWORD))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_email"));

        assertThat(jdbc.sql("select count(*) from users where email like :prefix")
                .param("prefix", localPart + "%")
                .query(Long.class)
                .single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u001b", "\u007f", "\u0085"})
    void signUpWhenEmailHasControlCharacterThenInvalid(String control) {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> accounts.signUp("account-" + UUID.randomUUID() + control + "@example.test", PASSWORD))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\ud800word-long", "pass\udc00word-long", "password-long\ud800", "\udc00\ud800password"})
    void authenticateWhenPasswordHasUnpairedSurrogateThenEmpty(String password) {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(accounts.authenticate(account.email(), password)).isEmpty();
        assertThat(accounts.authenticate(uniqueEmail(), password)).isEmpty();
    }

    @Test
    void authenticateWhenUnpairedSurrogateThenOneVerification() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);
        long before = limiter.completedChecks();

        assertThat(accounts.authenticate(account.email(), "wrong\ud800password")).isEmpty();

        assertThat(limiter.completedChecks() - before).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u001b", "\u007f", "\u0085"})
    void authenticateWhenEmailHasControlCharacterThenEmpty(String control) {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);
        String[] parts = account.email().split("@");

        assertThat(accounts.authenticate(parts[0] + control + "@" + parts[1], PASSWORD)).isEmpty();
        assertThat(accounts.authenticate(account.email() + control, PASSWORD)).isEmpty();
    }

    @Test
    void authenticateWhenEmailHasNulThenOneVerification() {
        long before = limiter.completedChecks();

        assertThat(accounts.authenticate("account-\u0000" + UUID.randomUUID() + "@example.test", "wrong password")).isEmpty();

        assertThat(limiter.completedChecks() - before).isEqualTo(1);
    }

    @Test
    void authenticateWhenEmailSurrogateThenNoCollision() {
        String localPart = "account-" + UUID.randomUUID();
        // A question mark is what an unpaired surrogate turns into when encoded as UTF-8 with replacement.
        Account questionMark = accounts.signUp(localPart + "?@example.test", PASSWORD);

        assertThat(accounts.authenticate(localPart + "?@example.test", PASSWORD)).contains(questionMark);
        assertThat(accounts.authenticate(localPart + "\ud800@example.test", PASSWORD)).isEmpty();
        assertThat(accounts.authenticate(localPart + "\udc00@example.test", PASSWORD)).isEmpty();
        assertThat(accounts.findByEmail(localPart + "\ud800@example.test")).isEmpty();
    }

    @Test
    void findByEmailWhenNulThenEmpty() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        assertThat(accounts.findByEmail(account.email() + "\u0000")).isEmpty();
    }

    @Test
    void hashLimitWhenUnsetThenProcessorCount() {
        assertThat(passwordHashLimiter.maxConcurrentHashes()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        assertThat(accounts.findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    void findByIdWhenKnownThenAccount() {
        Account account = accounts.signUp(uniqueEmail(), PASSWORD);

        Optional<Account> found = accounts.findById(account.id());

        assertThat(found).contains(account);
    }

    private String storedHash(UUID id) {
        return jdbc.sql("select password_hash from users where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static String uniqueEmail() {
        return "account-" + UUID.randomUUID() + "@example.test";
    }
}
