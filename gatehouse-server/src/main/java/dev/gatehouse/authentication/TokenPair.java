package dev.gatehouse.authentication;

/**
 * The body of a successful sign-in or refresh.
 *
 * @param expiresIn lifetime of the access token in seconds
 */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static final String BEARER = "Bearer";

    TokenPair(String accessToken, String refreshToken, long expiresIn) {
        this(accessToken, refreshToken, BEARER, expiresIn);
    }

    @Override
    public String toString() {
        return "TokenPair[accessToken=[redacted], refreshToken=[redacted], tokenType=" + tokenType
                + ", expiresIn=" + expiresIn + "]";
    }
}
