package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * One simulated client. Without a target rate it sends its next request as soon as the response to
 * the last one arrives (closed loop). With a rate it sends on a fixed schedule and measures each latency from the
 * scheduled send time, so a slow answer also counts against the requests that had to wait for it.
 */
final class ClientConnection implements Workload.Connection {

    private final AuthTarget target;
    private final HttpClient http;
    private final String email;
    private final String password;
    private final Measurement measurement;
    private final long deadlineNanos;
    private final long intervalNanos;
    private long nextSendNanos;
    private AuthTarget.@Nullable Tokens tokens;

    /** @param intervalNanos time between two sends of this connection, or 0 for a closed loop */
    ClientConnection(AuthTarget target, HttpClient http, String email, String password, Measurement measurement,
            long deadlineNanos, long intervalNanos) {
        this.target = target;
        this.http = http;
        this.email = email;
        this.password = password;
        this.measurement = measurement;
        this.deadlineNanos = deadlineNanos;
        this.intervalNanos = intervalNanos;
        this.nextSendNanos = System.nanoTime();
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public boolean running() {
        return System.nanoTime() < deadlineNanos;
    }

    @Override
    public void signIn() throws IOException, InterruptedException {
        tokens = target.signIn(http, email, password);
    }

    @Override
    public void ensureSignedIn() throws IOException, InterruptedException {
        if (tokens == null) {
            timed("sign-in", this::signIn);
        }
    }

    @Override
    public void refresh() throws IOException, InterruptedException {
        tokens = target.refresh(http, currentTokens().refreshToken());
    }

    @Override
    public void callAuthenticated() throws IOException, InterruptedException {
        target.callAuthenticated(http, currentTokens().accessToken());
    }

    @Override
    public void timed(String operation, Workload.Step step) throws IOException, InterruptedException {
        long startNanos = waitForSchedule();
        try {
            step.run();
            measurement.recordSuccess(operation, (System.nanoTime() - startNanos) / 1_000);
        } catch (IOException failure) {
            String outcome = failure instanceof AuthTarget.UnexpectedStatusException status
                    ? Integer.toString(status.status()) : failure.getClass().getSimpleName();
            measurement.recordError(operation, outcome, (System.nanoTime() - startNanos) / 1_000);
            forgetTokensUnlessRetryable(failure);
            throw failure;
        }
    }

    /** Runs cycles of the workload until the deadline, pausing briefly after a failed request. */
    void run(Workload workload) {
        while (running()) {
            try {
                workload.runCycle(this);
            } catch (IOException failure) {
                LockSupport.parkNanos(10_000_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long waitForSchedule() {
        if (intervalNanos == 0) {
            return System.nanoTime();
        }
        long scheduled = nextSendNanos;
        nextSendNanos += intervalNanos;
        long wait;
        while ((wait = scheduled - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return scheduled;
    }

    /** Keeps the chain after a 503, which leaves the refresh token unspent, and drops it after any other failure. */
    private void forgetTokensUnlessRetryable(IOException failure) {
        if (!(failure instanceof AuthTarget.UnexpectedStatusException status && status.status() == 503)) {
            tokens = null;
        }
    }

    private AuthTarget.Tokens currentTokens() throws IOException {
        AuthTarget.Tokens current = tokens;
        if (current == null) {
            throw new IOException("no tokens: the last sign-in or refresh failed");
        }
        return current;
    }
}
