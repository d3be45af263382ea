package dev.gatehouse.error;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A store that Gatehouse needs is unreachable or timed out. Gatehouse fails closed: the request is
 * answered with 503 and a {@code Retry-After} header, and nothing is issued or spent.
 */
public class ServiceUnavailableException extends GatehouseException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String code, String message, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
