package dev.gatehouse.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Sends form requests to the OAuth endpoints, as an OAuth client library would. */
final class OAuthForms {

    private OAuthForms() {
    }

    /**
     * Posts a form to {@code path}, with HTTP Basic client credentials when {@code basic} is not null.
     *
     * @param fields alternating names and values; a name may repeat
     */
    static MvcTestResult post(MockMvcTester mvc, String path, @Nullable String basic, String... fields) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.post().uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(encode(fields));
        if (basic != null) {
            request.header(HttpHeaders.AUTHORIZATION, basic);
        }
        return request.exchange();
    }

    /** Returns an HTTP Basic header value, with both parts form-encoded first (RFC 6749, section 2.3.1). */
    static String basic(String clientId, String secret) {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String... fields) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
