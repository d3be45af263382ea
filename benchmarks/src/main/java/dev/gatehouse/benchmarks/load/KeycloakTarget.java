package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Keycloak's OpenID Connect endpoints of one realm: the password grant, the refresh grant and the
 * userinfo endpoint, through a public client with direct access grants.
 */
final class KeycloakTarget implements AuthTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI token;
    private final URI userinfo;
    private final String clientId;
    private final @Nullable String scope;

    /**
     * @param scope scope of the password grant; the userinfo endpoint needs {@code openid}, which also makes
     *     Keycloak sign an ID token, so only the mixed workload requests it
     */
    KeycloakTarget(String baseUrl, String realm, String clientId, @Nullable String scope) {
        String realmUrl = baseUrl + "/realms/" + realm + "/protocol/openid-connect";
        this.token = URI.create(realmUrl + "/token");
        this.userinfo = URI.create(realmUrl + "/userinfo");
        this.clientId = clientId;
        this.scope = scope;
    }

    @Override
    public Tokens signIn(HttpClient http, String email, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + encode(clientId) + "&username=" + encode(email)
                + "&password=" + encode(password) + (scope == null ? "" : "&scope=" + encode(scope));
        return tokens(http.send(postForm(form), HttpResponse.BodyHandlers.ofString()), "password grant");
    }

    @Override
    public Tokens refresh(HttpClient http, String refreshToken) throws IOException, InterruptedException {
        String form = "grant_type=refresh_token&client_id=" + encode(clientId) + "&refresh_token=" + encode(refreshToken);
        return tokens(http.send(postForm(form), HttpResponse.BodyHandlers.ofString()), "refresh grant");
    }

    @Override
    public void callAuthenticated(HttpClient http, String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(userinfo).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new UnexpectedStatusException("GET userinfo", response.statusCode());
        }
    }

    private HttpRequest postForm(String form) {
        return HttpRequest.newBuilder(token).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static Tokens tokens(HttpResponse<String> response, String operation) throws IOException {
        if (response.statusCode() != 200) {
            throw new UnexpectedStatusException(operation, response.statusCode());
        }
        return new Tokens(JsonFields.stringMember(response.body(), "access_token"),
                JsonFields.stringMember(response.body(), "refresh_token"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
