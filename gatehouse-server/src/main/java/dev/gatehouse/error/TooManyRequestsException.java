package dev.gatehouse.error;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * The client made too many requests of a kind (RFC 6585, section 4): the response is 429 with a
 * {@code Retry-After} header of the whole seconds until it may try again.
 */
public class TooManyRequestsException extends GatehouseException {

    private final Duration retryAfter;

    public TooManyRequestsException(String code, String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, message);
        this.retryAfter = retryAfter;
    }

    /** Returns the wait, rounded up to whole seconds and at least one second. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds());
    }
}
