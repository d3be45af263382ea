package dev.gatehouse.session;

import org.springframework.http.HttpStatus;

import dev.gatehouse.error.GatehouseException;

/**
 * A refresh token that is unknown, expired, revoked, reused or malformed. All of these get this one
 * response so that it tells an attacker nothing; the reason is only in the log and the metrics.
 */
public class InvalidGrantException extends GatehouseException {

    static final String CODE = "invalid_grant";

    InvalidGrantException() {
        super(HttpStatus.UNAUTHORIZED, CODE, "The refresh token is invalid, expired or revoked. Sign in again.");
    }
}
