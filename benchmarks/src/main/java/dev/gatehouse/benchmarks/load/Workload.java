package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;

/**
 * The request sequences one connection repeats. Each step records its own latency under its operation
 * name, so the mixed workload reports sign-in, refresh and authenticated calls separately.
 */
enum Workload {

    /** Password sign-in, over and over, with the connection's own user. */
    SIGN_IN {
        @Override
        void runCycle(Connection connection) throws IOException, InterruptedException {
            connection.timed("sign-in", () -> connection.signIn());
        }
    },

    /** Refresh with rotation, each connection following its own token chain from one sign-in. */
    REFRESH {
        @Override
        void runCycle(Connection connection) throws IOException, InterruptedException {
            connection.ensureSignedIn();
            connection.timed("refresh", () -> connection.refresh());
        }
    },

    /** One sign-in, then fifty refreshes, each followed by an authenticated call with the new access token. */
    MIXED {
        @Override
        void runCycle(Connection connection) throws IOException, InterruptedException {
            connection.timed("sign-in", () -> connection.signIn());
            for (int step = 0; step < REFRESHES_PER_SIGN_IN && connection.running(); step++) {
                connection.timed("refresh", () -> connection.refresh());
                connection.timed("authenticated-call", () -> connection.callAuthenticated());
            }
        }
    };

    static final int REFRESHES_PER_SIGN_IN = 50;

    abstract void runCycle(Connection connection) throws IOException, InterruptedException;

    static Workload parse(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** The state of one simulated client: its HTTP client, its user and its current tokens. */
    interface Connection {

        HttpClient http();

        boolean running();

        void signIn() throws IOException, InterruptedException;

        void ensureSignedIn() throws IOException, InterruptedException;

        void refresh() throws IOException, InterruptedException;

        void callAuthenticated() throws IOException, InterruptedException;

        void timed(String operation, Step step) throws IOException, InterruptedException;
    }

    /** One request of a cycle. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException, InterruptedException;
    }
}
