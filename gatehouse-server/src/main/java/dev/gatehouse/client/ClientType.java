package dev.gatehouse.client;

import java.util.Locale;
import java.util.Optional;

/** OAuth client types of RFC 6749, section 2.1. */
public enum ClientType {

    /** Can keep a secret, such as a server-side application; authenticates with its client secret. */
    CONFIDENTIAL,
    /** Cannot keep a secret, such as a single-page or mobile application; identifies itself by client id only. */
    PUBLIC;

    /** Returns the name used in the API and the database: {@code confidential} or {@code public}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ClientType> parse(String value) {
        for (ClientType type : values()) {
            if (type.value().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
