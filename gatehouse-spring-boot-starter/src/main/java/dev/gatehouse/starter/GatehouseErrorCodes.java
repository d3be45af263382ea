package dev.gatehouse.starter;

/** Stable values of the {@code code} member of the problem+json responses that the starter writes. */
public final class GatehouseErrorCodes {

    /** 401: the endpoint needs an access token and the request has none. */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** 401: the access token is malformed, forged, expired, meant for another audience or of a revoked session. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** 403: the user has none of the roles that {@link Roles} names. */
    public static final String INSUFFICIENT_ROLE = "insufficient_role";
    /** 403: the user lacks a permission that {@link Permissions} requires. */
    public static final String INSUFFICIENT_PERMISSION = "insufficient_permission";
    /** 403: a {@link GatehousePolicy} named by {@link Policy} did not permit the request. */
    public static final String POLICY_DENIED = "policy_denied";
    /** 503: the revocation feed has not been read successfully for longer than the configured max staleness. */
    public static final String REVOCATION_STATUS_UNKNOWN = "revocation_status_unknown";
    /** 503: the issuer's discovery document or signing keys could not be fetched. */
    public static final String ISSUER_UNAVAILABLE = "issuer_unavailable";

    private GatehouseErrorCodes() {
    }
}
