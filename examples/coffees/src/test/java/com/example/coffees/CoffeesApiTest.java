package com.example.coffees;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import dev.gatehouse.testserver.GatehouseTestClient;
import dev.gatehouse.testserver.GatehouseTestClient.TestUser;
import dev.gatehouse.testserver.GatehouseTestServer;
import dev.gatehouse.testserver.TokenPair;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the coffees API against a real Gatehouse server in a child JVM and checks each access rule end
 * to end, with tokens that Gatehouse issued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoffeesApiTest {

    /** The starter reads the revocation feed every second by default, so a revoked session fails within this. */
    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(3);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEW_COFFEE = """
            {"name":"Shipwreck Roast","brand":"Buddy Brew","flavors":["chocolate","vanilla"]}""";

    private static GatehouseTestClient gatehouse;

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void gatehouseIssuer(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.issuer-uri", () -> GatehouseTestServer.shared().issuer());
    }

    @BeforeAll
    static void connectToGatehouse() {
        gatehouse = GatehouseTestServer.shared().client();
    }

    @Test
    void listWhenSignedInThenOk() {
        HttpResponse<String> response = call("GET", "/coffees", signedInUser().accessToken(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).isArray()).isTrue();
    }

    @Test
    void listWhenNoTokenThenUnauthenticated() {
        HttpResponse<String> response = call("GET", "/coffees", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("unauthenticated");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void getWhenCoffeeExistsThenReturned() {
        TokenPair barista = barista();
        long id = json(call("POST", "/coffees", barista.accessToken(), NEW_COFFEE)).path("id").asLong();

        HttpResponse<String> response = call("GET", "/coffees/" + id, signedInUser().accessToken(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asString()).isEqualTo("Shipwreck Roast");
    }

    @Test
    void getWhenCoffeeUnknownThenNotFoundProblem() {
        HttpResponse<String> response = call("GET", "/coffees/999999", signedInUser().accessToken(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(code(response)).isEqualTo("coffee_not_found");
    }

    @Test
    void createWhenPermissionHeldThenCreatedByCaller() {
        TestUser user = gatehouse.createUser();
        gatehouse.setPermissions(user.id(), Set.of("coffees:create"));
        String accessToken = gatehouse.signIn(user).accessToken();

        HttpResponse<String> response = call("POST", "/coffees", accessToken, NEW_COFFEE);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode coffee = json(response);
        assertThat(coffee.path("createdBy").asString()).isEqualTo(user.id().toString());
        assertThat(coffee.path("flavors").valueStream().map(JsonNode::asString)).containsExactly("chocolate", "vanilla");
        assertThat(response.headers().firstValue("Location")).hasValue("/coffees/" + coffee.path("id").asLong());
    }

    @Test
    void createWhenPermissionMissingThenForbidden() {
        HttpResponse<String> response = call("POST", "/coffees", signedInUser().accessToken(), NEW_COFFEE);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("insufficient_permission");
    }

    @Test
    void createWhenBodyInvalidThenProblemListsFields() {
        HttpResponse<String> response = call("POST", "/coffees", barista().accessToken(),
                "{\"name\":\" \",\"flavors\":[\"\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(code(response)).isEqualTo("invalid_request");
        assertThat(json(response).path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("name", "brand", "flavors[0]");
    }

    @Test
    void updateWhenCreatorThenChanged() {
        TokenPair creator = barista();
        long id = json(call("POST", "/coffees", creator.accessToken(), NEW_COFFEE)).path("id").asLong();

        HttpResponse<String> response = call("PATCH", "/coffees/" + id, creator.accessToken(),
                "{\"brand\":\"Nescafe\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("brand").asString()).isEqualTo("Nescafe");
        assertThat(json(response).path("name").asString()).isEqualTo("Shipwreck Roast");
    }

    @Test
    void updateWhenOtherUserThenPolicyDenied() {
        long id = json(call("POST", "/coffees", barista().accessToken(), NEW_COFFEE)).path("id").asLong();

        HttpResponse<String> response = call("PATCH", "/coffees/" + id, barista().accessToken(),
                "{\"brand\":\"Nescafe\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("policy_denied");
    }

    @Test
    void deleteWhenAdminThenGone() {
        long id = json(call("POST", "/coffees", barista().accessToken(), NEW_COFFEE)).path("id").asLong();
        String adminToken = gatehouse.signInAsAdmin().accessToken();

        HttpResponse<String> response = call("DELETE", "/coffees/" + id, adminToken, null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(call("GET", "/coffees/" + id, adminToken, null).statusCode()).isEqualTo(404);
    }

    @Test
    void deleteWhenNotAdminThenRoleMissing() {
        TokenPair creator = barista();
        long id = json(call("POST", "/coffees", creator.accessToken(), NEW_COFFEE)).path("id").asLong();

        HttpResponse<String> response = call("DELETE", "/coffees/" + id, creator.accessToken(), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("insufficient_role");
    }

    @Test
    void meWhenSignedInThenTokenFields() {
        TestUser user = gatehouse.createUser();
        gatehouse.setPermissions(user.id(), Set.of("coffees:create"));
        String accessToken = gatehouse.signIn(user).accessToken();

        JsonNode me = json(call("GET", "/me", accessToken, null));

        assertThat(me.path("id").asString()).isEqualTo(user.id().toString());
        assertThat(me.path("email").asString()).isEqualTo(user.email());
        assertThat(me.path("roles").isEmpty()).isTrue();
        assertThat(me.path("permissions").valueStream().map(JsonNode::asString)).containsExactly("coffees:create");
        assertThat(me.path("sessionId").asString()).isEqualTo(claim(accessToken, "sid"));
        assertThat(me.path("clientId").isNull()).isTrue();
    }

    @Test
    void meWhenSignedInThroughClientThenClientId() {
        TestUser user = gatehouse.createUser();
        String clientId = gatehouse.registerClient("coffees-mobile", "public").clientId();
        String accessToken = gatehouse.signInWithClient(clientId, user.email(), GatehouseTestClient.DEFAULT_PASSWORD)
                .accessToken();

        JsonNode me = json(call("GET", "/me", accessToken, null));

        assertThat(me.path("id").asString()).isEqualTo(user.id().toString());
        assertThat(me.path("clientId").asString()).isEqualTo(clientId).startsWith("gh_");
    }

    @ParameterizedTest
    @EnumSource(SessionEnd.class)
    void listWhenSessionEndedThenRejectedSoon(SessionEnd end) throws InterruptedException {
        TokenPair tokens = signedInUser();
        assertThat(call("GET", "/coffees", tokens.accessToken(), null).statusCode()).isEqualTo(200);

        end.apply(tokens);

        assertRejectedWithinDeadline(tokens.accessToken());
    }

    private void assertRejectedWithinDeadline(String accessToken) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + REVOCATION_DEADLINE.toNanos();
        HttpResponse<String> response = call("GET", "/coffees", accessToken, null);
        for (int attempt = 0; attempt < 100 && response.statusCode() == 200 && System.nanoTime() < deadline; attempt++) {
            Thread.sleep(50);
            response = call("GET", "/coffees", accessToken, null);
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as("status after %d ms", elapsed.toMillis()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("invalid_token");
        assertThat(elapsed).isLessThanOrEqualTo(REVOCATION_DEADLINE);
    }

    /** Ways a client ends a session at Gatehouse, each of which the starter learns from the revocation feed. */
    enum SessionEnd {
        SIGN_OUT {
            @Override
            void apply(TokenPair tokens) {
                gatehouse.signOut(tokens.refreshToken());
            }
        },
        REVOKE_ACCESS_TOKEN {
            @Override
            void apply(TokenPair tokens) {
                gatehouse.revoke(tokens.accessToken());
            }
        },
        REVOKE_REFRESH_TOKEN {
            @Override
            void apply(TokenPair tokens) {
                gatehouse.revoke(tokens.refreshToken());
            }
        };

        abstract void apply(TokenPair tokens);
    }

    /** Signs in a new user with permission {@code coffees:create}. */
    private static TokenPair barista() {
        TestUser user = gatehouse.createUser();
        gatehouse.setPermissions(user.id(), Set.of("coffees:create"));
        return gatehouse.signIn(user);
    }

    private static TokenPair signedInUser() {
        return gatehouse.signIn(gatehouse.createUser());
    }

    private HttpResponse<String> call(String method, String path, @Nullable String accessToken, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return gatehouse.send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String code(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }

    private static String claim(String accessToken, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path(name).asString();
    }
}
