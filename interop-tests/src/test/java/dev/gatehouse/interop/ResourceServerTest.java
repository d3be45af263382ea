package dev.gatehouse.interop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.gatehouse.testserver.GatehouseTestServer;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run a Spring resource server on a random port, pointed at the shared Gatehouse
 * test server by {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. The application must
 * serve {@code GET /subject}.
 */
public abstract class ResourceServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void gatehouseIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> GatehouseTestServer.shared().issuer());
    }

    /** Calls {@code GET /subject} of the resource server, with a bearer token when one is given. */
    protected HttpResponse<String> getSubject(@Nullable String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/subject"))
                .timeout(Duration.ofSeconds(10));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
