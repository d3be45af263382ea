package dev.gatehouse.config;

/**
 * A setting that makes Gatehouse unusable or unsafe. Start-up stops and {@link InvalidConfigurationFailureAnalyzer}
 * prints the message and the fix instead of a stack trace.
 */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
