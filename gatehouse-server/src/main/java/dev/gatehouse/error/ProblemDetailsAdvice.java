package dev.gatehouse.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Translates every exception that reaches Spring MVC into an RFC 9457 {@code application/problem+json}
 * response with a stable {@code code} member. This is the only place that maps exceptions to HTTP;
 * security filters forward their failures here through the {@code HandlerExceptionResolver}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String CODE = "code";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ThrottledWarning unavailableLog = new ThrottledWarning(log, Duration.ofSeconds(10));

    @ExceptionHandler(GatehouseException.class)
    ResponseEntity<ProblemDetail> handleGatehouse(GatehouseException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.status(), exception.getMessage());
        problem.setProperty(CODE, exception.code());
        HttpHeaders headers = new HttpHeaders();
        if (exception instanceof ServiceUnavailableException unavailable) {
            unavailableLog.warn(exception.code(), rootMessage(exception));
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
        }
        if (exception instanceof TooManyRequestsException throttled) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        }
        return ResponseEntity.status(exception.status()).headers(headers).body(problem);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> handleDatabaseUnavailable(Exception exception) {
        unavailableLog.warn(ErrorCodes.DATABASE_UNAVAILABLE, rootMessage(exception));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The account database is unavailable. Retry later.");
        problem.setProperty(CODE, ErrorCodes.DATABASE_UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /** Returns 400 for a header, parameter or path that the request firewall rejected, without logging its message, which may quote the request. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException exception) {
        log.debug("Rejected a request that the firewall does not accept");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request contains a header, parameter or path that is not allowed.");
        problem.setProperty(CODE, ErrorCodes.INVALID_REQUEST);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        log.error("Unexpected error; exception messages are left out because they may quote request data",
                withoutMessages(exception));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred.");
        problem.setProperty(CODE, ErrorCodes.INTERNAL_ERROR);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (hasCause(exception, PayloadTooLargeException.class)) {
            return handleExceptionInternal(exception, null, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has missing or invalid fields.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of("parameter", result.getMethodParameter().getParameterName() == null
                                        ? "?" : result.getMethodParameter().getParameterName(),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A request parameter is invalid: " + errors + ".");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, defaultDetail(statusCode));
        problem.setProperty(CODE, codeFor(exception, statusCode));
        log.debug("Rejected request: {} {}", statusCode.value(), exception.getClass().getSimpleName());
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    private static String codeFor(Exception exception, HttpStatusCode status) {
        return switch (exception) {
            case HttpMessageNotReadableException notReadable when hasCause(notReadable, PayloadTooLargeException.class) ->
                    ErrorCodes.PAYLOAD_TOO_LARGE;
            case HttpMessageNotReadableException ignored -> ErrorCodes.MALFORMED_REQUEST;
            case MethodArgumentNotValidException ignored -> ErrorCodes.INVALID_REQUEST;
            case HandlerMethodValidationException ignored -> ErrorCodes.INVALID_REQUEST;
            case NoResourceFoundException ignored -> ErrorCodes.NOT_FOUND;
            case NoHandlerFoundException ignored -> ErrorCodes.NOT_FOUND;
            case HttpRequestMethodNotSupportedException ignored -> ErrorCodes.METHOD_NOT_ALLOWED;
            case HttpMediaTypeNotSupportedException ignored -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case HttpMediaTypeNotAcceptableException ignored -> ErrorCodes.NOT_ACCEPTABLE;
            default -> status.is5xxServerError() ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.INVALID_REQUEST;
        };
    }

    private static String defaultDetail(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "An unexpected error occurred." : "The request is not valid.";
        }
        return switch (known) {
            case CONTENT_TOO_LARGE -> "The request body is larger than " + RequestSizeLimitFilter.MAX_BODY_BYTES + " bytes.";
            case NOT_FOUND -> "No endpoint matches this path.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept this HTTP method; the Allow header lists those it does.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as JSON with the header Content-Type: application/json.";
            case NOT_ACCEPTABLE -> "This endpoint answers only with JSON; accept application/json.";
            default -> status.is5xxServerError() ? "An unexpected error occurred." : "The request is not valid.";
        };
    }

    private static boolean hasCause(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Copies the exception chain keeping only class names and stack traces. */
    private static Throwable withoutMessages(Throwable exception) {
        Throwable copy = new Throwable(exception.getClass().getName());
        copy.setStackTrace(exception.getStackTrace());
        Throwable cause = exception.getCause();
        if (cause != null && cause != exception) {
            copy.initCause(withoutMessages(cause));
        }
        return copy;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
