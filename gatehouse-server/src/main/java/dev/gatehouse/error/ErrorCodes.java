package dev.gatehouse.error;

/** Stable error codes that are not owned by a single feature. Feature codes live beside their exceptions. */
public final class ErrorCodes {

    /** The body is not valid JSON, or a field has the wrong JSON type. */
    public static final String MALFORMED_REQUEST = "malformed_request";
    /** A required field is missing or a field value is invalid. */
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** The bearer access token is missing, malformed, expired, forged or belongs to a revoked session. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** The caller is authenticated but lacks the permission or role the endpoint requires. */
    public static final String ACCESS_DENIED = "access_denied";
    public static final String DATABASE_UNAVAILABLE = "database_unavailable";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {
    }
}
