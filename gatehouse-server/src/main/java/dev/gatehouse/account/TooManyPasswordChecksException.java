package dev.gatehouse.account;

import java.time.Duration;

import dev.gatehouse.error.ServiceUnavailableException;

/**
 * Every permit of the {@link PasswordHashLimiter} stayed taken while the request waited, so its
 * password was neither hashed nor verified. The client gets 503 with {@code Retry-After}.
 */
public class TooManyPasswordChecksException extends ServiceUnavailableException {

    /** Sent as {@code Retry-After}, because a permit frees up as soon as any running Argon2id computation ends. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final String MESSAGE = "Too many passwords are being checked at once. Retry later.";

    TooManyPasswordChecksException() {
        super(AccountErrorCodes.TOO_MANY_PASSWORD_CHECKS, MESSAGE, RETRY_AFTER);
    }

    TooManyPasswordChecksException(InterruptedException cause) {
        super(AccountErrorCodes.TOO_MANY_PASSWORD_CHECKS, MESSAGE, RETRY_AFTER, cause);
    }
}
