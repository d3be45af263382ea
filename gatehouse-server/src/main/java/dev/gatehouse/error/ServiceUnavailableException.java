package dev.gatehouse.error;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A store that Gatehouse needs is unreachable or timed out, or Gatehouse is too busy to serve the
 * request. Gatehouse fails closed: the request gets a 503 response with a {@code Retry-After} header,
 * and nothing is issued or spent.
 */
public class ServiceUnavailableException extends GatehouseException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String code, String message, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, message, cause);
        this.retryAfter = retryAfter;
    }

    /** Reports an overload that Gatehouse detected itself, with no underlying exception. */
    public ServiceUnavailableException(String code, String message, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
