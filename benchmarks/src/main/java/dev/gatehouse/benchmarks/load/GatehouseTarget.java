package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Gatehouse's own JSON API: sign-in, refresh with rotation, and {@code GET /users/me}. */
final class GatehouseTarget implements AuthTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI signIn;
    private final URI refresh;
    private final URI currentUser;

    GatehouseTarget(String baseUrl) {
        this.signIn = URI.create(baseUrl + "/authentication/sign-in");
        this.refresh = URI.create(baseUrl + "/authentication/refresh-tokens");
        this.currentUser = URI.create(baseUrl + "/users/me");
    }

    @Override
    public Tokens signIn(HttpClient http, String email, String password) throws IOException, InterruptedException {
        String body = "{\"email\":" + JsonFields.quote(email) + ",\"password\":" + JsonFields.quote(password) + "}";
        return tokens(http.send(postJson(signIn, body), HttpResponse.BodyHandlers.ofString()), "sign-in");
    }

    @Override
    public Tokens refresh(HttpClient http, String refreshToken) throws IOException, InterruptedException {
        String body = "{\"refreshToken\":" + JsonFields.quote(refreshToken) + "}";
        return tokens(http.send(postJson(refresh, body), HttpResponse.BodyHandlers.ofString()), "refresh");
    }

    @Override
    public void callAuthenticated(HttpClient http, String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(currentUser).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new UnexpectedStatusException("GET /users/me", response.statusCode());
        }
    }

    private static HttpRequest postJson(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Tokens tokens(HttpResponse<String> response, String operation) throws IOException {
        if (response.statusCode() != 200) {
            throw new UnexpectedStatusException(operation, response.statusCode());
        }
        return new Tokens(JsonFields.stringMember(response.body(), "accessToken"),
                JsonFields.stringMember(response.body(), "refreshToken"));
    }
}
