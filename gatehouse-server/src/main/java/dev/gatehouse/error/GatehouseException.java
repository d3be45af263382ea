package dev.gatehouse.error;

import org.springframework.http.HttpStatus;

/**
 * Base of every failure that Gatehouse reports to a client. Each subclass names a stable,
 * snake_case {@link #code()} that clients may branch on, and the HTTP status it maps to. The
 * message is safe to show to the client: it never contains a password, token, key or hash.
 */
public abstract class GatehouseException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    /**
     * Creates an exception without a stack trace. It reports an expected outcome, which is logged without
     * a trace, so filling one in would only cost time and memory when a flood of requests is rejected.
     */
    protected GatehouseException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    protected GatehouseException(HttpStatus status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
