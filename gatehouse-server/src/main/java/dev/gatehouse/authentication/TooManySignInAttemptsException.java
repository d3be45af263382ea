package dev.gatehouse.authentication;

import java.time.Duration;

import dev.gatehouse.error.TooManyRequestsException;

/**
 * Too many failed sign-ins for this email, from this address, or both, within the failure window; the
 * password was not checked. The response is 429 with {@code Retry-After} until the window ends.
 */
public class TooManySignInAttemptsException extends TooManyRequestsException {

    static final String CODE = "too_many_sign_in_attempts";

    TooManySignInAttemptsException(Duration retryAfter) {
        super(CODE, "Too many failed sign-in attempts. Retry after the time in the Retry-After header.", retryAfter);
    }
}
