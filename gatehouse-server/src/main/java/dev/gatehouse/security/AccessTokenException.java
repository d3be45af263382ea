package dev.gatehouse.security;

import org.springframework.http.HttpStatus;

import dev.gatehouse.error.ErrorCodes;
import dev.gatehouse.error.GatehouseException;

/** A request whose bearer token is missing, not valid, or lacks the required permission. */
final class AccessTokenException extends GatehouseException {

    static final String AUTHENTICATION_REQUIRED = "authentication_required";

    private AccessTokenException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    static AccessTokenException missing() {
        return new AccessTokenException(HttpStatus.UNAUTHORIZED, AUTHENTICATION_REQUIRED,
                "This endpoint requires an access token in the Authorization header: Bearer <token>.");
    }

    static AccessTokenException invalid() {
        return new AccessTokenException(HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_TOKEN,
                "The access token is invalid, expired or revoked. Refresh it or sign in again.");
    }

    static AccessTokenException denied() {
        return new AccessTokenException(HttpStatus.FORBIDDEN, ErrorCodes.ACCESS_DENIED,
                "The access token lacks the permission this endpoint requires.");
    }
}
