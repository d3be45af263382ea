package dev.gatehouse.error;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies larger than {@link #MAX_BODY_BYTES} with 413 before anything parses them.
 * A declared {@code Content-Length} is checked up front; a chunked body is counted while it is read.
 * Form bodies are rejected with 415, because every Gatehouse endpoint takes JSON except the OAuth
 * endpoints in {@link #FORM_PATHS}, which take {@code application/x-www-form-urlencoded} as RFC 6749 requires.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** 64 KiB: far above any Gatehouse request, small enough that a flood of bodies cannot fill memory. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Paths that take form bodies. Tomcat parses those forms itself, so their size limit is
     * {@code server.tomcat.max-http-form-post-size}, set to the same 64 KiB in application.yml.
     */
    static final Set<String> FORM_PATHS = Set.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            writeProblem(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        if (isFormBody(request) && !acceptsForm(request)) {
            // Gatehouse takes only JSON. Rejecting forms here keeps the container from parsing them,
            // which bypasses this filter's limit and fails outside Spring MVC.
            writeProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as JSON with the header Content-Type: application/json.");
            return;
        }

        chain.doFilter(new LimitedRequest(request), response);
    }

    private static boolean acceptsForm(HttpServletRequest request) {
        String type = request.getContentType().toLowerCase(Locale.ROOT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) && FORM_PATHS.contains(path);
    }

    private static boolean isFormBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/");
    }

    /** Writes the problem body by hand: this filter runs before Spring MVC and its message converters. */
    private static void writeProblem(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private long count;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) throws PayloadTooLargeException {
            count += read;
            if (count > MAX_BODY_BYTES) {
                throw new PayloadTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
