package dev.gatehouse.interop.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.gatehouse.interop.Tokens;
import dev.gatehouse.interop.node.NodeJose.Result;
import dev.gatehouse.testserver.GatehouseTestClient;
import dev.gatehouse.testserver.GatehouseTestClient.TestUser;
import dev.gatehouse.testserver.GatehouseTestServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Node.js library jose verifies Gatehouse access tokens through discovery and the JWK Set alone,
 * checking issuer, audience, {@code typ: at+jwt} and the advertised algorithms.
 */
class JoseVerificationTest {

    private static final String AUDIENCE = "gatehouse";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static NodeJose jose;
    private static GatehouseTestServer server;
    private static GatehouseTestClient gatehouse;

    @BeforeAll
    static void setUp() throws Exception {
        jose = NodeJose.install();
        server = GatehouseTestServer.shared();
        gatehouse = server.client();
    }

    @Test
    void verifyWhenValidThenPayloadNamesUser() throws Exception {
        TestUser user = gatehouse.createUser();
        String accessToken = gatehouse.signIn(user).accessToken();

        Result result = jose.verify(server.issuer(), AUDIENCE, accessToken);

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode verified = JSON.readTree(result.output());
        assertThat(verified.path("payload").path("sub").asString()).isEqualTo(user.id().toString());
        assertThat(verified.path("payload").path("sid").asString()).isEqualTo(claim(accessToken, "sid")).isNotBlank();
        assertThat(verified.path("payload").path("email").asString()).isEqualTo(user.email());
        assertThat(verified.path("header").path("typ").asString()).isEqualTo("at+jwt");
    }

    @Test
    void verifyWhenPayloadTamperedThenSignatureRejected() throws Exception {
        String accessToken = gatehouse.signIn(gatehouse.createUser()).accessToken();
        String tampered = Tokens.withClaim(accessToken, "sub", gatehouse.createUser().id().toString());

        Result result = jose.verify(server.issuer(), AUDIENCE, tampered);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(JSON.readTree(result.output()).path("error").asString())
                .isEqualTo("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    @Test
    void verifyWhenAudienceDiffersThenClaimRejected() throws Exception {
        String accessToken = gatehouse.signIn(gatehouse.createUser()).accessToken();

        Result result = jose.verify(server.issuer(), "another-service", accessToken);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(JSON.readTree(result.output()).path("error").asString()).isEqualTo("ERR_JWT_CLAIM_VALIDATION_FAILED");
    }

    private static String claim(String accessToken, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path(name).asString();
    }
}
