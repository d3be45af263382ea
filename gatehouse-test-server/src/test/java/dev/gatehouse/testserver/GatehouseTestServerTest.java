package dev.gatehouse.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.gatehouse.testserver.GatehouseTestClient.TestUser;

/** Starts one real Gatehouse child JVM and checks the launcher and the client helpers against it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatehouseTestServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static GatehouseTestServer server;
    private static GatehouseTestClient client;

    @BeforeAll
    static void startServer() {
        server = GatehouseTestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stopServer() {
        server.close();

        assertThat(server.isRunning()).isFalse();
    }

    @Test
    @Order(1)
    void startWhenStoresUpThenHealthyOnLoopback() {
        HttpResponse<String> health = client.get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(server.issuer()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.logFile()).exists();
    }

    @Test
    @Order(2)
    void signInWhenSignedUpThenTokenNamesUser() {
        TestUser user = client.createUser();

        TokenPair tokens = client.signIn(user);

        JsonNode claims = claims(tokens.accessToken());
        assertThat(claims.path("sub").asString()).isEqualTo(user.id().toString());
        assertThat(claims.path("iss").asString()).isEqualTo(server.issuer());
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    @Order(3)
    void setGrantsWhenSignedInAgainThenTokenCarriesThem() {
        TestUser user = client.createUser();
        String role = "tester-" + user.id().toString().substring(0, 8);
        client.createRole(role, Set.of("reports:read"));

        client.setPermissions(user.id(), Set.of("coffees:create"));
        client.setRoles(user.id(), Set.of(role));

        JsonNode claims = claims(client.signIn(user).accessToken());
        assertThat(claims.path("permissions").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("coffees:create", "reports:read");
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).containsExactly(role);
    }

    @Test
    @Order(4)
    void signInAsAdminWhenStartedThenAdminRole() {
        JsonNode claims = claims(client.signInAsAdmin().accessToken());

        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).contains("admin");
    }

    @Test
    @Order(5)
    void signOutWhenSessionEndedThenRefreshFails() {
        TokenPair tokens = client.signIn(client.createUser());

        client.signOut(tokens.refreshToken());

        assertThatThrownBy(() -> client.refresh(tokens.refreshToken()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid_grant");
    }

    @Test
    @Order(5)
    void signInWithClientWhenPublicClientThenTokenNamesClient() {
        TestUser user = client.createUser();
        GatehouseTestClient.ClientRegistration registration = client.registerClient("launcher-test", "public");

        TokenPair tokens = client.signInWithClient(registration.clientId(), user.email(),
                GatehouseTestClient.DEFAULT_PASSWORD);

        assertThat(registration.clientSecret()).isNull();
        assertThat(claims(tokens.accessToken()).path("client_id").asString()).isEqualTo(registration.clientId());
        assertThat(claims(tokens.accessToken()).path("sub").asString()).isEqualTo(user.id().toString());
    }

    @Test
    @Order(5)
    void revokeWhenRefreshTokenRevokedThenRefreshFails() {
        TokenPair tokens = client.signIn(client.createUser());

        client.revoke(tokens.refreshToken());

        assertThatThrownBy(() -> client.refresh(tokens.refreshToken()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid_grant");
    }

    @Test
    @Order(6)
    void signInWhenPasswordWrongThenErrorHidesPassword() {
        TestUser user = client.createUser();

        assertThatThrownBy(() -> client.signIn(user.email(), "wrong password of this test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining("wrong password of this test");
    }

    @Test
    @Order(7)
    void resolveWhenClassPathFileMissingThenErrorNamesFix(@TempDir Path directory) {
        assertThatThrownBy(() -> ServerClassPath.resolve(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ServerClassPath.CLASSPATH_FILE)
                .hasMessageContaining("-am");
    }

    @Test
    @Order(8)
    void childWhenParentPipeClosesThenExits() throws Exception {
        ProcessHandle child = ProcessHandle.of(server.pid()).orElseThrow();

        server.closeParentPipe();

        assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Files.readString(server.logFile(), StandardCharsets.UTF_8))
                .contains("Started GatehouseApplication")
                .contains("Standard input closed");
    }

    private static JsonNode claims(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
