package dev.gatehouse.oauth;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The parameters of an OAuth endpoint request, sent as {@code application/x-www-form-urlencoded}
 * (RFC 6749, section 3.2). A parameter given twice is rejected (section 3.1), and one without a value
 * counts as omitted.
 */
final class FormParameters {

    private final Map<String, String[]> parameters;

    private FormParameters(Map<String, String[]> parameters) {
        this.parameters = parameters;
    }

    /** @throws OAuthException {@code invalid_request} for another content type or a repeated parameter */
    static FormParameters read(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            throw OAuthException.invalidRequest(
                    "Send the parameters as a form, with Content-Type: application/x-www-form-urlencoded.");
        }

        Map<String, String[]> parameters = parameterMap(request);
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getValue().length > 1) {
                throw OAuthException.invalidRequest("Parameter " + parameter.getKey() + " is given more than once.");
            }
        }
        return new FormParameters(parameters);
    }

    /**
     * Reads the parameters, which makes the servlet container parse the form. Jakarta Servlet 6.1 has
     * {@code getParameterMap} throw {@link IllegalStateException} when that fails; Tomcat 11 does so for a
     * form over {@code server.tomcat.max-http-form-post-size} or with broken encoding.
     */
    private static Map<String, String[]> parameterMap(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            throw OAuthException.invalidRequest("The form could not be read: it is malformed or larger than 64 KiB.");
        }
    }

    /** Returns the parameter's value, or null when it is missing or empty. */
    @Nullable String get(String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0].isEmpty()) {
            return null;
        }
        return values[0];
    }

    /** @throws OAuthException {@code invalid_request} when the parameter is missing or empty */
    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw OAuthException.invalidRequest("Parameter " + name + " is missing.");
        }
        return value;
    }
}
