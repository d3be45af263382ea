package dev.gatehouse.token;

/** Names of the access-token claims and header values that Gatehouse defines beyond the registered JWT claims. */
public final class AccessTokenClaims {

    /** Session id: the refresh-token family the access token was issued from. */
    public static final String SESSION_ID = "sid";
    /** Email of the user when the token was issued. */
    public static final String EMAIL = "email";
    /**
     * OAuth client the token was issued to through the token endpoint (RFC 9068, section 2.2). Absent for
     * first-party sign-ins and for token requests without a client.
     */
    public static final String CLIENT_ID = "client_id";
    /** Role names of the user when the token was issued. */
    public static final String ROLES = "roles";
    /** Effective permissions: the union of the roles' permissions and the user's direct grants. */
    public static final String PERMISSIONS = "permissions";
    /** JWS {@code typ} header of access tokens (RFC 9068, section 2.1). */
    public static final String TOKEN_TYPE = "at+jwt";

    private AccessTokenClaims() {
    }
}
