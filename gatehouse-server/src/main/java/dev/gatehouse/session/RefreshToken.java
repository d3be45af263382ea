package dev.gatehouse.session;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An opaque refresh token: {@code <session id>.<generation>.<secret>}. The session id locates the
 * session, the generation counts rotations since sign-in, and the 256-bit secret proves possession.
 * Only a hash of the whole value is ever stored.
 *
 * @param sessionId 22 base64url characters (128 random bits)
 * @param generation 0 for the token issued at sign-in, one more for each rotation
 * @param secret 43 base64url characters (256 bits)
 */
record RefreshToken(String sessionId, long generation, String secret) {

    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9_-]{22})\\.(0|[1-9]\\d{0,8})\\.([A-Za-z0-9_-]{43})");

    /** Parses a presented token; anything else, such as a JWT access token, gives empty. */
    static Optional<RefreshToken> parse(String value) {
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3)));
    }

    String value() {
        return sessionId + "." + generation + "." + secret;
    }

    @Override
    public String toString() {
        return "RefreshToken[sessionId=" + sessionId + ", generation=" + generation + ", secret=[redacted]]";
    }
}
