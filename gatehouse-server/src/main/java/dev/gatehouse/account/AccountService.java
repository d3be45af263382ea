package dev.gatehouse.account;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.gatehouse.account.AccountRepository.StoredAccount;
import dev.gatehouse.error.ConflictException;
import dev.gatehouse.error.InvalidRequestException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creates accounts and verifies their passwords. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository repository;
    private final PasswordHasher passwordHasher;
    private final Clock clock;

    AccountService(AccountRepository repository, PasswordHasher passwordHasher, Clock clock) {
        this.repository = repository;
        this.passwordHasher = passwordHasher;
        this.clock = clock;
    }

    /**
     * Creates an account without any role or permission. The email is stored trimmed and lower-cased.
     * The unique constraint on {@code users.email} decides between two concurrent sign-ups for one
     * email, so exactly one of them succeeds. The account is written by one insert statement, so a
     * failure leaves no partial account. This method starts no transaction, so unless the caller runs it
     * inside one, no database connection is held while Argon2id runs or waits for a permit.
     *
     * @throws InvalidRequestException {@code invalid_email} or {@code invalid_password}
     * @throws ConflictException {@code email_taken} when an account has this email in any letter case
     * @throws TooManyPasswordChecksException when too many passwords are being hashed at once
     */
    public Account signUp(@Nullable String email, @Nullable String password) {
        String normalisedEmail = Credentials.requireValidEmail(email);
        String validPassword = Credentials.requireValidPassword(password);
        passwordHasher.requireCapacity();
        if (repository.existsByEmail(normalisedEmail)) {
            throw emailTaken();
        }

        Account account = new Account(UUID.randomUUID(), normalisedEmail,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            repository.insert(account, passwordHasher.hash(validPassword));
        } catch (DuplicateKeyException raced) {
            throw emailTaken();
        }

        log.info("Created user {}", account.id());
        return account;
    }

    /**
     * Returns the account when the password is right, and empty for an unknown email or a wrong
     * password. Both cases verify one Argon2id hash, so they take the same time. An email that sign-up
     * would reject, such as one with NUL, another control character or an unpaired surrogate, counts
     * as unknown without a database lookup. A password with an unpaired surrogate counts as wrong. A
     * hash made with weaker parameters than the current ones is replaced after a successful
     * verification. Like {@link #signUp}, this method starts no transaction, so unless the caller runs
     * it inside one, no database connection is held while Argon2id runs or waits for a permit.
     *
     * @throws TooManyPasswordChecksException when too many passwords are being checked at once
     */
    public Optional<Account> authenticate(@Nullable String email, @Nullable String password) {
        String candidate = password == null ? "" : password;
        passwordHasher.requireCapacity();
        Optional<StoredAccount> stored = Credentials.normaliseValidEmail(email).flatMap(repository::findByEmail);
        if (stored.isEmpty()) {
            passwordHasher.matchNothing(candidate);
            log.debug("Rejected password for unknown email");
            return Optional.empty();
        }

        Account account = stored.get().account();
        if (!passwordHasher.matches(candidate, stored.get().passwordHash())) {
            log.debug("Rejected wrong password for user {}", account.id());
            return Optional.empty();
        }

        rehashIfWeak(account.id(), candidate, stored.get().passwordHash());
        return Optional.of(account);
    }

    /** Returns the email trimmed and lower-cased, as sign-up stores it, without checking its syntax. */
    public static String normaliseEmail(String email) {
        return Credentials.normaliseEmail(email);
    }

    public Optional<Account> findById(UUID id) {
        return repository.findById(id);
    }

    /**
     * Finds the account of an email in any letter case and with surrounding whitespace. An email that
     * sign-up would reject belongs to no account, so it returns empty without a database lookup.
     */
    public Optional<Account> findByEmail(String email) {
        return Credentials.normaliseValidEmail(email).flatMap(repository::findByEmail).map(StoredAccount::account);
    }

    /** Returns one page of accounts ordered by creation time, oldest first. */
    public List<Account> list(int limit, long offset) {
        return repository.findPage(limit, offset);
    }

    private void rehashIfWeak(UUID id, String password, String hash) {
        if (passwordHasher.needsRehash(hash)) {
            repository.updatePasswordHash(id, passwordHasher.hash(password));
            log.info("Rehashed password of user {} with the current Argon2id parameters", id);
        }
    }

    private static ConflictException emailTaken() {
        return new ConflictException(AccountErrorCodes.EMAIL_TAKEN, "An account with this email already exists.");
    }
}
