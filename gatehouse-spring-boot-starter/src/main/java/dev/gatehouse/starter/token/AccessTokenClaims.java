package dev.gatehouse.starter.token;

/** Names of the Gatehouse access-token claims beyond the registered JWT claims. */
public final class AccessTokenClaims {

    /** Session id: the Gatehouse session the token was issued from. */
    public static final String SESSION_ID = "sid";
    /** Role names of the user when the token was issued. */
    public static final String ROLES = "roles";
    /** Effective permissions of the user when the token was issued. */
    public static final String PERMISSIONS = "permissions";
    public static final String EMAIL = "email";
    /** OAuth client the token was issued to (RFC 9068, section 2.2); absent for first-party sign-ins. */
    public static final String CLIENT_ID = "client_id";

    private AccessTokenClaims() {
    }
}
