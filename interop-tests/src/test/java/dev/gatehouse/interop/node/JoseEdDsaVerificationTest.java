package dev.gatehouse.interop.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.gatehouse.interop.Tokens;
import dev.gatehouse.interop.node.NodeJose.Result;
import dev.gatehouse.testserver.GatehouseTestClient;
import dev.gatehouse.testserver.GatehouseTestClient.TestUser;
import dev.gatehouse.testserver.GatehouseTestServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Node.js library jose verifies the access tokens of a Gatehouse started with
 * {@code gatehouse.token.algorithm=EdDSA}, through discovery and the JWK Set alone.
 */
class JoseEdDsaVerificationTest {

    private static final String AUDIENCE = "gatehouse";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static NodeJose jose;
    private static GatehouseTestServer server;
    private static GatehouseTestClient gatehouse;

    @BeforeAll
    static void setUp() throws Exception {
        jose = NodeJose.install();
        server = GatehouseTestServer.start(Map.of("gatehouse.token.algorithm", "EdDSA"));
        gatehouse = server.client();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void verifyWhenEdDsaThenPayloadNamesUser() throws Exception {
        TestUser user = gatehouse.createUser();
        String accessToken = gatehouse.signIn(user).accessToken();

        Result result = jose.verify(server.issuer(), AUDIENCE, accessToken);

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode verified = JSON.readTree(result.output());
        assertThat(verified.path("header").path("alg").asString()).isEqualTo("EdDSA");
        assertThat(verified.path("payload").path("sub").asString()).isEqualTo(user.id().toString());
    }

    @Test
    void verifyWhenEdDsaPayloadTamperedThenSignatureRejected() throws Exception {
        String accessToken = gatehouse.signIn(gatehouse.createUser()).accessToken();
        String tampered = Tokens.withClaim(accessToken, "sub", gatehouse.createUser().id().toString());

        Result result = jose.verify(server.issuer(), AUDIENCE, tampered);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(JSON.readTree(result.output()).path("error").asString())
                .isEqualTo("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }
}
