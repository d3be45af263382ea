package dev.gatehouse.starter.token;

/**
 * The issuer's discovery document or JWK Set could not be fetched or is not usable, so no token can be
 * verified now. Requests with a token get 503 {@code issuer_unavailable}.
 */
public final class IssuerUnavailableException extends RuntimeException {

    public IssuerUnavailableException(String message) {
        super(message);
    }

    public IssuerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
