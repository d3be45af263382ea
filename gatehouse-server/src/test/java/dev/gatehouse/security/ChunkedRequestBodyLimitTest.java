package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.gatehouse.support.IntegrationTest;

/**
 * The 64 KiB body limit for a chunked request, which declares no {@code Content-Length} and is
 * counted while it is read, and Tomcat's own error responses. MockMvc always sets the body length and
 * bypasses Tomcat, so this runs on a real server bound to 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ChunkedRequestBodyLimitTest extends IntegrationTest {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    @LocalServerPort
    private int port;

    private HttpClient client;

    @BeforeEach
    void createClient() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void signInWhenChunkedTooLargeThenPayloadTooLarge() throws Exception {
        HttpResponse<String> response = postChunked(ProblemResponsesTest.jsonOfSize(MAX_BODY_BYTES + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("payload_too_large");
    }

    /** Shows that the request above is sent chunked and reaches the sign-in endpoint when it is small enough. */
    @Test
    void signInWhenChunkedAtLimitThenRead() throws Exception {
        HttpResponse<String> response = postChunked(ProblemResponsesTest.jsonOfSize(MAX_BODY_BYTES));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /**
     * The token endpoint takes forms, which Tomcat parses itself; its form size limit turns a chunked form
     * over 64 KiB into an error response before any grant runs.
     */
    @Test
    void tokenEndpointWhenChunkedFormTooLargeThenRejected() throws Exception {
        String form = "grant_type=password&username=a%40example.com&password=" + "x".repeat(MAX_BODY_BYTES);

        HttpResponse<String> response = postChunked("/oauth2/token", MediaType.APPLICATION_FORM_URLENCODED_VALUE, form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("invalid_request");
    }

    /** Shows that a chunked form within the limit reaches the token endpoint and its grant runs. */
    @Test
    void tokenEndpointWhenChunkedFormSmallThenGrantRuns() throws Exception {
        String form = "grant_type=password&username=nobody%40example.com&password=wrong-password";

        HttpResponse<String> response = postChunked("/oauth2/token", MediaType.APPLICATION_FORM_URLENCODED_VALUE, form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("invalid_grant");
    }

    /** Tomcat rejects a control byte in a header before Spring runs; its response is problem+json too. */
    @Test
    void requestWhenHeaderHasControlByteThenProblemJson() throws Exception {
        String response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /.well-known/jwks.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "User-Agent: a\u0001b\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Content-Type: application/problem+json");
        assertThat(response).contains("\"code\":\"invalid_request\"");
    }

    private HttpResponse<String> postChunked(String json) throws Exception {
        return postChunked("/authentication/sign-in", MediaType.APPLICATION_JSON_VALUE, json);
    }

    private HttpResponse<String> postChunked(String path, String contentType, String content) throws Exception {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        // A body publisher of unknown length makes HTTP/1.1 use Transfer-Encoding: chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
