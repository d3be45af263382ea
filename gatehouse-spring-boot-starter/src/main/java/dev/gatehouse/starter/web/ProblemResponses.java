package dev.gatehouse.starter.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.gatehouse.starter.GatehouseErrorCodes;

/**
 * Writes the starter's RFC 9457 {@code application/problem+json} responses directly, so that neither the
 * application's exception handlers nor its message converters can turn a rejection into something else.
 * 401 responses carry {@code WWW-Authenticate: Bearer} (RFC 6750, section 3), with
 * {@code error="invalid_token"} when a presented token was rejected; 403 responses carry
 * {@code error="insufficient_scope"}; 503 responses carry {@code Retry-After}.
 */
final class ProblemResponses {

    private static final String RETRY_AFTER_SECONDS = "1";

    private ProblemResponses() {
    }

    static void unauthenticated(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, GatehouseErrorCodes.UNAUTHENTICATED,
                "This endpoint requires an access token in the Authorization header: Bearer <token>.");
    }

    static void invalidToken(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        write(response, HttpStatus.UNAUTHORIZED, GatehouseErrorCodes.INVALID_TOKEN,
                "The access token is invalid, expired or revoked. Refresh it or sign in again.");
    }

    static void forbidden(HttpServletResponse response, String code, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(response, HttpStatus.FORBIDDEN, code, detail);
    }

    static void issuerUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, GatehouseErrorCodes.ISSUER_UNAVAILABLE,
                "The token issuer is unreachable, so the access token cannot be verified. Retry later.");
    }

    static void revocationStatusUnknown(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, GatehouseErrorCodes.REVOCATION_STATUS_UNKNOWN,
                "The list of revoked sessions is out of date, so the access token cannot be accepted. Retry later.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase())
                + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail)
                + ",\"code\":" + quote(code) + "}";
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
        response.flushBuffer();
    }

    /** Quotes a string as a JSON string literal (RFC 8259, section 7). */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char character = value.charAt(i);
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    } else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
