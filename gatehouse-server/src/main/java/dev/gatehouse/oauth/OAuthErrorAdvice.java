package dev.gatehouse.oauth;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.gatehouse.authentication.InvalidCredentialsException;
import dev.gatehouse.error.ErrorCodes;
import dev.gatehouse.error.ServiceUnavailableException;
import dev.gatehouse.error.ThrottledWarning;
import dev.gatehouse.session.InvalidGrantException;

/**
 * Writes the errors of the OAuth endpoints so that each is both an RFC 6749 error response
 * ({@code error}, {@code error_description}, sent as {@code application/json}) and an RFC 9457 problem
 * with Gatehouse's {@code code}. It runs before the shared handler and only for these controllers;
 * exceptions it does not list still reach the shared handler.
 */
@RestControllerAdvice(assignableTypes = {TokenController.class, RevocationController.class,
        IntrospectionController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OAuthErrorAdvice {

    static final String BASIC_CHALLENGE = "Basic realm=\"gatehouse\"";
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final Logger log = LoggerFactory.getLogger(OAuthErrorAdvice.class);

    private final ThrottledWarning unavailableLog = new ThrottledWarning(log, Duration.ofSeconds(10));

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<ProblemDetail> handleOAuth(OAuthException exception) {
        log.debug("Rejected OAuth request: {}", exception.code());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(exception.status());
        if (exception.status() == HttpStatus.UNAUTHORIZED) {
            // RFC 6749, section 5.2: a 401 for invalid_client names the scheme the client can authenticate with.
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        return body(response, exception.code(), exception.code(), exception.getMessage(), exception.status());
    }

    /** Unknown, expired, revoked, reused or another client's refresh token: 400 invalid_grant (RFC 6749, section 5.2). */
    @ExceptionHandler(InvalidGrantException.class)
    ResponseEntity<ProblemDetail> handleInvalidGrant(InvalidGrantException exception) {
        return body(ResponseEntity.badRequest(), OAuthException.INVALID_GRANT, OAuthException.INVALID_GRANT,
                exception.getMessage(), HttpStatus.BAD_REQUEST);
    }

    /** Wrong password or unknown user in the password grant: the resource owner credentials are an invalid grant. */
    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<ProblemDetail> handleInvalidCredentials(InvalidCredentialsException exception) {
        return body(ResponseEntity.badRequest(), OAuthException.INVALID_GRANT, OAuthException.INVALID_GRANT,
                exception.getMessage(), HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> handleUnavailable(ServiceUnavailableException exception) {
        unavailableLog.warn(exception.code(), "an OAuth request failed: " + exception.getMessage());
        return unavailable(exception.code(), exception.getMessage(), exception.retryAfter());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> handleDatabaseUnavailable(Exception exception) {
        unavailableLog.warn(ErrorCodes.DATABASE_UNAVAILABLE,
                "an OAuth request failed: " + exception.getClass().getSimpleName());
        return unavailable(ErrorCodes.DATABASE_UNAVAILABLE, "The account database is unavailable. Retry later.",
                Duration.ofSeconds(1));
    }

    private static ResponseEntity<ProblemDetail> unavailable(String code, String description, Duration retryAfter) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return body(response, code, OAuthException.TEMPORARILY_UNAVAILABLE, description, HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static ResponseEntity<ProblemDetail> body(ResponseEntity.BodyBuilder response, String code, String error,
            String description, HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, description);
        // Spring leaves "type" out when unset; these bodies carry every RFC 9457 member explicitly.
        problem.setType(ABOUT_BLANK);
        problem.setProperty("code", code);
        problem.setProperty("error", error);
        problem.setProperty("error_description", description);
        return response.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(problem);
    }
}
