package dev.gatehouse.oauth;

import org.springframework.http.HttpStatus;

import dev.gatehouse.error.GatehouseException;

/**
 * An error response of RFC 6749, section 5.2, from the token, revocation or introspection endpoint. Its
 * {@link #code()} is the RFC 6749 {@code error} value.
 */
final class OAuthException extends GatehouseException {

    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_CLIENT = "invalid_client";
    static final String INVALID_GRANT = "invalid_grant";
    static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    /** RFC 6749, section 4.1.2.1: the server cannot handle the request now, so the client should retry. */
    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    private OAuthException(HttpStatus status, String error, String description) {
        super(status, error, description);
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, INVALID_REQUEST, description);
    }

    /** Unknown client, wrong secret, or a confidential client without its secret: 401 (RFC 6749, section 5.2). */
    static OAuthException invalidClient(String description) {
        return new OAuthException(HttpStatus.UNAUTHORIZED, INVALID_CLIENT, description);
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, INVALID_GRANT, description);
    }

    static OAuthException unauthorizedClient(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, UNAUTHORIZED_CLIENT, description);
    }

    static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, UNSUPPORTED_GRANT_TYPE, description);
    }
}
