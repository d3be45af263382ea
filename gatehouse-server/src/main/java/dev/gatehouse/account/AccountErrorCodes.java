package dev.gatehouse.account;

/** Error codes about user accounts, shared by every feature that reports them. */
public final class AccountErrorCodes {

    public static final String INVALID_EMAIL = "invalid_email";
    public static final String INVALID_PASSWORD = "invalid_password";
    public static final String EMAIL_TAKEN = "email_taken";
    public static final String USER_NOT_FOUND = "user_not_found";
    /** Every permit for an Argon2id computation stayed taken for the whole wait, so the request was rejected with 503. */
    public static final String TOO_MANY_PASSWORD_CHECKS = "too_many_password_checks";

    private AccountErrorCodes() {
    }
}
