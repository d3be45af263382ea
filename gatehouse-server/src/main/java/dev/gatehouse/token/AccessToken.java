package dev.gatehouse.token;

import java.time.Duration;

/**
 * A signed access token and how long it is valid.
 *
 * @param value the compact JWS, a bearer credential that is never logged
 * @param lifetime time from issue to expiry
 */
public record AccessToken(String value, Duration lifetime) {

    @Override
    public String toString() {
        return "AccessToken[value=[redacted], lifetime=" + lifetime + "]";
    }
}
