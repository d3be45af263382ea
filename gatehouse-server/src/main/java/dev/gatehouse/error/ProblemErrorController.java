package dev.gatehouse.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handles the servlet container's error dispatch (a failure outside Spring MVC, such as a rejected
 * request line) with the same problem+json shape as every other error, never an HTML page or a trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = resolveStatus(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                status.is5xxServerError() ? "An unexpected error occurred." : "The request is not valid.");
        problem.setProperty(ProblemDetailsAdvice.CODE, codeFor(status));
        return ResponseEntity.status(status).body(problem);
    }

    private static HttpStatus resolveStatus(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Requested directly rather than through an error dispatch: there is no such resource.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ErrorCodes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCodes.METHOD_NOT_ALLOWED;
            case CONTENT_TOO_LARGE -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case UNAUTHORIZED -> ErrorCodes.INVALID_TOKEN;
            case FORBIDDEN -> ErrorCodes.ACCESS_DENIED;
            default -> status.is5xxServerError() ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.INVALID_REQUEST;
        };
    }
}
