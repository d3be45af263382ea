package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Requests that fail before or around a controller still get an RFC 9457 problem+json body with a
 * stable {@code code}, whether the failure comes from a filter, Spring MVC or the security chain.
 */
class ProblemResponsesTest extends IntegrationTest {

    /** 64 KiB, the request body limit. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Autowired
    private MockMvcTester mvc;

    @Test
    void requestWhenRouteUnknownThenNotFound() {
        Tokens tokens = TestUsers.signUpAndSignIn(mvc);

        MvcTestResult result = mvc.get().uri("/no-such-route")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .exchange();

        assertProblem(result, HttpStatus.NOT_FOUND, "not_found");
    }

    /** New routes fail closed: without a token an unknown route does not even reveal that it is unknown. */
    @Test
    void requestWhenRouteUnknownAnonymousThenUnauthorized() {
        MvcTestResult result = mvc.get().uri("/no-such-route").exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED, "authentication_required");
    }

    @Test
    void signInWhenGetThenMethodNotAllowed() {
        MvcTestResult result = mvc.get().uri("/authentication/sign-in").exchange();

        assertProblem(result, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed");
        assertThat(result).headers().hasValue(HttpHeaders.ALLOW, "POST");
    }

    @Test
    void signInWhenBodyTooLargeThenPayloadTooLarge() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content(jsonOfSize(MAX_BODY_BYTES + 1))
                .exchange();

        assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large");
    }

    /** The limit is inclusive: a body of exactly 64 KiB is read, and fails only as bad credentials. */
    @Test
    void signInWhenBodyAtLimitThenRead() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content(jsonOfSize(MAX_BODY_BYTES))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void signInWhenWrongJsonTypesThenMalformed() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": 5, \"password\": []}")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "malformed_request");
    }

    @Test
    void signUpWhenWrongJsonTypesThenMalformed() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-up")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": 5, \"password\": []}")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "malformed_request");
    }

    @Test
    void signInWhenNotJsonThenMalformed() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": ")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "malformed_request");
    }

    @Test
    void signInWhenFieldMissingThenInvalidRequest() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"someone@example.test\"}")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @Test
    void signInWhenTextBodyThenUnsupportedMediaType() {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.TEXT_PLAIN)
                .content("email=someone@example.test")
                .exchange();

        assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }

    private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
        assertThat(result).hasStatus(status);
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
    }

    /** Builds a sign-in body of exactly {@code bytes} bytes, padded inside the email string. */
    static String jsonOfSize(int bytes) {
        String prefix = "{\"email\":\"";
        String suffix = "@example.test\",\"password\":\"not-the-password\"}";
        return prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
