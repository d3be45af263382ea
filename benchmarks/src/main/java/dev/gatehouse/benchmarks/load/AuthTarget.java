package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;

/** One server under test, seen through the three calls every workload is made of. */
interface AuthTarget {

    /** Signs in with a password and returns the new token pair. */
    Tokens signIn(HttpClient http, String email, String password) throws IOException, InterruptedException;

    /** Exchanges a refresh token for its successor pair. */
    Tokens refresh(HttpClient http, String refreshToken) throws IOException, InterruptedException;

    /** Calls an endpoint that needs the access token, such as the current user's profile. */
    void callAuthenticated(HttpClient http, String accessToken) throws IOException, InterruptedException;

    /** An access and refresh token; the values are never printed. */
    record Tokens(String accessToken, String refreshToken) {

        @Override
        public String toString() {
            return "Tokens[redacted]";
        }
    }

    /** A response with an unexpected status; the load run counts it as an error. */
    final class UnexpectedStatusException extends IOException {

        private final int status;

        UnexpectedStatusException(String operation, int status) {
            super(operation + " answered HTTP " + status);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
