package dev.gatehouse.account;

import java.util.Locale;
import java.util.Optional;

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
     * domain, well-formed UTF-16, no whitespace or control characters (NUL included, which PostgreSQL
     * rejects in text), and at most {@value #MAX_EMAIL_LENGTH} UTF-16 code units, which fits the
     * {@code varchar(254)} column on both PostgreSQL and H2. It does not check that the domain or the
     * mailbox exists.
     *
     * @throws InvalidRequestException {@code invalid_email}
     */
    static String requireValidEmail(@Nullable String email) {
        return normaliseValidEmail(email).orElseThrow(Credentials::invalidEmail);
    }

    /**
     * Normalises the email as {@link #requireValidEmail} does, or returns empty where that method
     * throws. Every account was created through that check, so no account has an email this rejects,
     * and looking one up in the database is pointless and may fail: PostgreSQL rejects NUL in text, and
     * an unpaired surrogate reaches the database as {@code ?}, so it could match another account.
     */
    static Optional<String> normaliseValidEmail(@Nullable String email) {
        if (email == null) {
            return Optional.empty();
        }
        String normalised = normaliseEmail(email);
        int at = normalised.indexOf('@');
        boolean valid = at > 0
                && at == normalised.lastIndexOf('@')
                && at < normalised.length() - 1
                && normalised.length() <= MAX_EMAIL_LENGTH
                && isWellFormedUtf16(normalised)
                && normalised.codePoints().noneMatch(Credentials::isWhitespaceOrControl);
        return valid ? Optional.of(normalised) : Optional.empty();
    }

    /**
     * Checks that the password is well-formed UTF-16 and has {@value #MIN_PASSWORD_CODE_POINTS} to
     * {@value #MAX_PASSWORD_CODE_POINTS} Unicode code points. Any character is allowed, so a character
     * outside the Basic Multilingual Plane counts once although Java stores it as two {@code char}s. An
     * unpaired surrogate, which a JSON string can carry in an escape sequence, is rejected because it
     * has no UTF-8 encoding, so Argon2id cannot hash it.
     *
     * @throws InvalidRequestException {@code invalid_password}
     */
    static String requireValidPassword(@Nullable String password) {
        int codePoints = password == null ? 0 : password.codePointCount(0, password.length());
        if (password == null || codePoints < MIN_PASSWORD_CODE_POINTS || codePoints > MAX_PASSWORD_CODE_POINTS) {
            throw new InvalidRequestException(AccountErrorCodes.INVALID_PASSWORD, "The password must have "
                    + MIN_PASSWORD_CODE_POINTS + " to " + MAX_PASSWORD_CODE_POINTS + " characters.");
        }
        if (!isWellFormedUtf16(password)) {
            throw new InvalidRequestException(AccountErrorCodes.INVALID_PASSWORD, "The password must be valid"
                    + " Unicode: it contains an unpaired UTF-16 surrogate.");
        }
        return password;
    }

    /**
     * Returns true when every surrogate in the text is part of a high-low pair, which is exactly when
     * the text has a UTF-8 encoding.
     */
    static boolean isWellFormedUtf16(String text) {
        // String.codePoints() combines each valid pair into one supplementary code point and returns
        // an unpaired surrogate as a code point of its own.
        return text.codePoints().noneMatch(Credentials::isSurrogate);
    }

    /** Replaces each unpaired surrogate with U+FFFD REPLACEMENT CHARACTER, so the text has a UTF-8 encoding. */
    static String replaceUnpairedSurrogates(String text) {
        return text.codePoints()
                .map(codePoint -> isSurrogate(codePoint) ? 0xFFFD : codePoint)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static boolean isWhitespaceOrControl(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint);
    }

    private static InvalidRequestException invalidEmail() {
        return new InvalidRequestException(AccountErrorCodes.INVALID_EMAIL, "The email must have the form"
                + " local-part@domain, without spaces, control characters or unpaired UTF-16 surrogates, and at"
                + " most " + MAX_EMAIL_LENGTH + " characters.");
    }
}
