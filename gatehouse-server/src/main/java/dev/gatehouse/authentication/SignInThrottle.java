package dev.gatehouse.authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.gatehouse.account.AccountService;
import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.session.FailureCounters;
import dev.gatehouse.session.FailureCounters.Window;

/**
 * Limits failed password checks per email and client address, per email, and per address, each within
 * a fixed window ({@code gatehouse.sign-in.*}). A sign-in that a reached limit covers is rejected before
 * any Argon2id work. Emails are counted by the SHA-256 of their normalised form, so the store contains no
 * email; an unknown email is counted like a known one, so the limits do not tell which accounts exist.
 *
 * <p>NOTE: the check and the count are two steps, so sign-ins that pass the check together can exceed a
 * limit by the number of password checks running at once.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final FailureCounters counters;
    private final GatehouseProperties.SignIn settings;
    private final Clock clock;
    private final MeterRegistry meters;

    SignInThrottle(FailureCounters counters, GatehouseProperties properties, Clock clock, MeterRegistry meters) {
        this.counters = counters;
        this.settings = properties.signIn();
        this.clock = clock;
        this.meters = meters;
    }

    /** Returns the counters that one sign-in with this email from this address touches. */
    Attempt attempt(String email, @Nullable String address) {
        return new Attempt(sha256(AccountService.normaliseEmail(email)), address == null ? "unknown" : address);
    }

    /**
     * @throws TooManySignInAttemptsException when a limit of the attempt is reached
     * @throws dev.gatehouse.session.SessionStoreUnavailableException when the counters cannot be read
     */
    void check(Attempt attempt) {
        Instant now = clock.instant();
        List<Window> windows = counters.read(attempt.keys(), now);

        Instant blockedUntil = null;
        Limit blockedBy = null;
        for (Limit limit : Limit.values()) {
            Window window = windows.get(limit.ordinal());
            if (window.count() >= limit.max(settings) && (blockedUntil == null || window.endsAt().isAfter(blockedUntil))) {
                blockedUntil = window.endsAt();
                blockedBy = limit;
            }
        }
        if (blockedBy == null) {
            return;
        }

        meters.counter("gatehouse.sign-in.throttled", "limit", blockedBy.tag).increment();
        log.debug("Rejected sign-in for account hash {} from {}: limit per {} reached", attempt.accountHash(),
                attempt.address(), blockedBy.tag);
        throw new TooManySignInAttemptsException(Duration.between(now, blockedUntil));
    }

    /** Counts a failed password check, and logs one WARN for each limit that this failure reached. */
    void recordFailure(Attempt attempt) {
        List<Window> windows = counters.increment(attempt.keys(), clock.instant(), settings.failureWindow());

        for (Limit limit : Limit.values()) {
            Window window = windows.get(limit.ordinal());
            if (window.count() == limit.max(settings)) {
                log.warn("Sign-in failures per {} reached the limit of {} within {} for account hash {} from {}: "
                        + "sign-ins it covers get 429 until {}", limit.tag, limit.max(settings),
                        settings.failureWindow(), limit == Limit.ADDRESS ? "any" : attempt.accountHash(),
                        limit == Limit.ACCOUNT ? "any address" : attempt.address(), window.endsAt());
            }
        }
    }

    /** Clears the count for this email and address after a correct password. */
    void recordSuccess(Attempt attempt) {
        counters.reset(attempt.keys().get(Limit.ACCOUNT_AND_ADDRESS.ordinal()));
    }

    private static String sha256(String text) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", exception);
        }
    }

    /** The limits, in the order of {@link Attempt#keys()}. */
    private enum Limit {
        ACCOUNT_AND_ADDRESS("account_and_address"),
        ACCOUNT("account"),
        ADDRESS("address");

        private final String tag;

        Limit(String tag) {
            this.tag = tag;
        }

        int max(GatehouseProperties.SignIn settings) {
            return switch (this) {
                case ACCOUNT_AND_ADDRESS -> settings.maxFailuresPerAccountAndAddress();
                case ACCOUNT -> settings.maxFailuresPerAccount();
                case ADDRESS -> settings.maxFailuresPerAddress();
            };
        }
    }

    /**
     * The counters of one sign-in.
     *
     * @param accountHash base64url SHA-256 of the normalised email
     * @param address the client address as the server sees it
     */
    record Attempt(String accountHash, String address) {

        List<String> keys() {
            return List.of("pair:" + accountHash + ":" + address, "account:" + accountHash, "address:" + address);
        }
    }
}
