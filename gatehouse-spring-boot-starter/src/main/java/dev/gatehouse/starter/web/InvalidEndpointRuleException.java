package dev.gatehouse.starter.web;

/** The annotations of a handler method contradict each other or name something that does not exist. */
public final class InvalidEndpointRuleException extends IllegalStateException {

    InvalidEndpointRuleException(String message) {
        super(message);
    }

    InvalidEndpointRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
