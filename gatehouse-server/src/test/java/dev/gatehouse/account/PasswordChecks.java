package dev.gatehouse.account;

import org.springframework.context.ApplicationContext;

/** Lets tests outside this package see how many Argon2id computations the server ran. */
public final class PasswordChecks {

    private PasswordChecks() {
    }

    /** Returns the number of password hashes and verifications run to completion in this context. */
    public static long completed(ApplicationContext context) {
        return context.getBean(PasswordHashLimiter.class).completedChecks();
    }
}
