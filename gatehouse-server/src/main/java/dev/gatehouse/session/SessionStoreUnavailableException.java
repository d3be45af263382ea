package dev.gatehouse.session;

import java.time.Duration;

import dev.gatehouse.error.ServiceUnavailableException;

/** The session store could not be reached or did not answer in time; nothing was issued or spent. */
public class SessionStoreUnavailableException extends ServiceUnavailableException {

    static final String CODE = "session_store_unavailable";

    SessionStoreUnavailableException(Throwable cause) {
        super(CODE, "The session store is unavailable. Retry in a moment.", Duration.ofSeconds(1), cause);
    }
}
