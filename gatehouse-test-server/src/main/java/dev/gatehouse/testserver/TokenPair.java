package dev.gatehouse.testserver;

/** The access token and refresh token of a sign-in or refresh. {@link #toString()} shows neither. */
public record TokenPair(String accessToken, String refreshToken) {

    @Override
    public String toString() {
        return "TokenPair[redacted]";
    }
}
