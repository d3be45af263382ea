package dev.gatehouse.account;

import java.util.Locale;

import dev.gatehouse.error.InvalidRequestException;

import org.jspecify.annotations.Nullable;

/** Normalisation and syntax rules for emails and passwords. */
final class Credentials {

    /** Maximum email length: an SMTP path of 256 octets (RFC 5321, section 4.5.3.1.3) less its angle brackets. */
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MIN_PASSWORD_CODE_POINTS = 8;
    /** Upper bound that keeps hashing cost predictable while allowing long passphrases. */
    static final int MAX_PASSWORD_CODE_POINTS = 128;

    private Credentials() {
    }

    /** Trims the email and lower-cases it with {@link Locale#ROOT}, so letter case never creates a second account. */
    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Normalises the email and checks its basic syntax: one {@code @}, a non-empty local part and
     * domain, no whitespace or control characters, and at most {@value #MAX_EMAIL_LENGTH} UTF-16
     * code units, which fits the {@code varchar(254)} column on both PostgreSQL and H2. It does not
     * check that the domain or the mailbox exists.
     *
     * @throws InvalidRequestException {@code invalid_email}
     */
    static String requireValidEmail(@Nullable String email) {
        if (email == null) {
            throw invalidEmail();
        }
        String normalised = normaliseEmail(email);
        int at = normalised.indexOf('@');
        boolean valid = at > 0
                && at == normalised.lastIndexOf('@')
                && at < normalised.length() - 1
                && normalised.length() <= MAX_EMAIL_LENGTH
                && normalised.codePoints().noneMatch(Credentials::isWhitespaceOrControl);
        if (!valid) {
            throw invalidEmail();
        }
        return normalised;
    }

    /**
     * Checks that the password has {@value #MIN_PASSWORD_CODE_POINTS} to {@value #MAX_PASSWORD_CODE_POINTS}
     * Unicode code points. Any character is allowed, so a character outside the Basic Multilingual
     * Plane counts once although Java stores it as two {@code char}s.
     *
     * @throws InvalidRequestException {@code invalid_password}
     */
    static String requireValidPassword(@Nullable String password) {
        int codePoints = password == null ? 0 : password.codePointCount(0, password.length());
        if (password == null || codePoints < MIN_PASSWORD_CODE_POINTS || codePoints > MAX_PASSWORD_CODE_POINTS) {
            throw new InvalidRequestException(AccountErrorCodes.INVALID_PASSWORD, "The password must have "
                    + MIN_PASSWORD_CODE_POINTS + " to " + MAX_PASSWORD_CODE_POINTS + " characters.");
        }
        return password;
    }

    private static boolean isWhitespaceOrControl(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint);
    }

    private static InvalidRequestException invalidEmail() {
        return new InvalidRequestException(AccountErrorCodes.INVALID_EMAIL, "The email must have the form"
                + " local-part@domain, without spaces, and at most " + MAX_EMAIL_LENGTH + " characters.");
    }
}
