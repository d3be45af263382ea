package dev.gatehouse.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a {@link GatehouseTestServer}'s HTTP API with {@code java.net.http}: sign-up, sign-in,
 * refresh, sign-out, the password grant of {@code /oauth2/token}, RFC 7009 revocation, and the admin
 * API for roles, permissions and clients. Every method that expects success throws
 * {@link IllegalStateException} with the status and the problem body otherwise. Instances are safe to
 * share between threads.
 */
public final class GatehouseTestClient {

    /** Password that {@link #createUser()} gives every user. */
    public static final String DEFAULT_PASSWORD = "correct horse battery staple";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatehouseTestServer server;
    private final HttpClient http;
    private volatile @Nullable String adminAccessToken;

    GatehouseTestClient(GatehouseTestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Returns an email address no other test uses, so tests sharing one server never collide. */
    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Signs up a user with a unique email and {@link #DEFAULT_PASSWORD}. */
    public TestUser createUser() {
        String email = uniqueEmail();
        return new TestUser(signUp(email, DEFAULT_PASSWORD), email);
    }

    /** Signs up a user and returns the new user id. */
    public UUID signUp(String email, String password) {
        JsonNode body = expect(201, "Sign-up", postJson("/authentication/sign-up", credentials(email, password), null));
        return UUID.fromString(body.path("id").asString());
    }

    /** Signs in, which starts a new session, and returns its tokens. */
    public TokenPair signIn(String email, String password) {
        return tokens("Sign-in", postJson("/authentication/sign-in", credentials(email, password), null));
    }

    /** Signs in a user made by {@link #createUser()}. */
    public TokenPair signIn(TestUser user) {
        return signIn(user.email(), DEFAULT_PASSWORD);
    }

    /** Signs in as the server's first administrator. */
    public TokenPair signInAsAdmin() {
        return signIn(server.adminEmail(), server.adminPassword());
    }

    /** Rotates a refresh token and returns the new pair. */
    public TokenPair refresh(String refreshToken) {
        return tokens("Refresh", postJson("/authentication/refresh-tokens", Map.of("refreshToken", refreshToken), null));
    }

    /** Ends the session of the refresh token. */
    public void signOut(String refreshToken) {
        expect(204, "Sign-out", postJson("/authentication/sign-out", Map.of("refreshToken", refreshToken), null));
    }

    /**
     * Revokes an access or refresh token through {@code POST /oauth2/revoke} (RFC 7009) without client
     * authentication, as a first-party client does.
     */
    public void revoke(String token) {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/oauth2/revoke"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(Map.of("token", token))))
                .build();
        expect(200, "Revocation", send(request));
    }

    /** Creates a role with these permissions, signed in as the administrator. */
    public void createRole(String name, Set<String> permissions) {
        Map<String, Object> body = Map.of("name", name, "permissions", permissions);
        expect(201, "Creating role " + name, postJson("/admin/roles", body, adminAccessToken()));
    }

    /**
     * Sets the user's roles through the admin API. The API replaces the whole set, so roles the user
     * had before and that are not named here are removed.
     */
    public void setRoles(UUID userId, Set<String> roles) {
        expect(200, "Setting roles", putJson("/admin/users/" + userId + "/roles", Map.of("roles", roles)));
    }

    /**
     * Sets the permissions granted directly to the user through the admin API. The API replaces the
     * whole set of direct grants, but permissions that come through roles stay.
     */
    public void setPermissions(UUID userId, Set<String> permissions) {
        expect(200, "Setting permissions",
                putJson("/admin/users/" + userId + "/permissions", Map.of("permissions", permissions)));
    }

    /**
     * Registers an OAuth client through the admin API.
     *
     * @param type {@code public} or {@code confidential}; only a confidential client gets a secret
     */
    public ClientRegistration registerClient(String name, String type) {
        JsonNode body = expect(201, "Registering client " + name,
                postJson("/admin/clients", Map.of("name", name, "type", type), adminAccessToken()));
        JsonNode secret = body.path("clientSecret");
        return new ClientRegistration(body.path("clientId").asString(), secret.isString() ? secret.asString() : null);
    }

    /**
     * Signs in through {@code POST /oauth2/token} with the password grant, as the public client
     * {@code clientId}, so the access token carries that {@code client_id} claim.
     */
    public TokenPair signInWithClient(String clientId, String email, String password) {
        String form = formEncode(Map.of("grant_type", "password", "username", email, "password", password,
                "client_id", clientId));
        HttpRequest request = HttpRequest.newBuilder(server.uri("/oauth2/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode body = expect(200, "Token request", send(request));
        return new TokenPair(body.path("access_token").asString(), body.path("refresh_token").asString());
    }

    /** Sends a GET with an optional bearer token and returns the response, whatever its status. */
    public HttpResponse<String> get(String path, @Nullable String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(REQUEST_TIMEOUT).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    /** Sends any request with this client's HTTP client and returns the response, whatever its status. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException exception) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", exception);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " was interrupted", interrupted);
        }
    }

    private String adminAccessToken() {
        String token = adminAccessToken;
        if (token == null) {
            // Access tokens live 15 minutes by default, longer than a test run needs one.
            token = signInAsAdmin().accessToken();
            adminAccessToken = token;
        }
        return token;
    }

    private HttpResponse<String> postJson(String path, Object body, @Nullable String accessToken) {
        return send(jsonRequest(path, accessToken).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private HttpResponse<String> putJson(String path, Object body) {
        return send(jsonRequest(path, adminAccessToken())
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private HttpRequest.Builder jsonRequest(String path, @Nullable String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return request;
    }

    private static TokenPair tokens(String action, HttpResponse<String> response) {
        JsonNode body = expect(200, action, response);
        return new TokenPair(body.path("accessToken").asString(), body.path("refreshToken").asString());
    }

    private static JsonNode expect(int status, String action, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            // Gatehouse's problem details name the error, not the tokens or passwords of the request.
            throw new IllegalStateException(action + " failed: expected HTTP " + status + " but got "
                    + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private static String formEncode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(parameter -> URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    /** An OAuth client registered by {@link #registerClient}. {@link #toString()} hides the secret. */
    public record ClientRegistration(String clientId, @Nullable String clientSecret) {

        @Override
        public String toString() {
            String secret = clientSecret == null ? "none" : "[redacted]";
            return "ClientRegistration[clientId=" + clientId + ", clientSecret=" + secret + "]";
        }
    }

    /** A user made by {@link #createUser()}; the password is {@link #DEFAULT_PASSWORD}. */
    public record TestUser(UUID id, String email) {
    }
}
