package dev.gatehouse.interop.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.gatehouse.interop.ResourceServerTest;
import dev.gatehouse.interop.Tokens;
import dev.gatehouse.testserver.GatehouseTestClient;
import dev.gatehouse.testserver.GatehouseTestClient.TestUser;
import dev.gatehouse.testserver.GatehouseTestServer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A plain Spring Security resource server, configured with Gatehouse's issuer and a {@code typ}
 * validator, accepts Gatehouse access tokens and rejects altered ones.
 */
@SpringBootTest(classes = PlainResourceServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainResourceServerTest extends ResourceServerTest {

    @Test
    void getWhenValidTokenThenSubjectReturned() throws Exception {
        GatehouseTestClient gatehouse = GatehouseTestServer.shared().client();
        TestUser user = gatehouse.createUser();
        String accessToken = gatehouse.signIn(user).accessToken();

        HttpResponse<String> response = getSubject(accessToken);

        assertThat(response.statusCode())
                .as("status, with WWW-Authenticate %s", response.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"" + user.id() + "\"");
    }

    @Test
    void getWhenPayloadTamperedThenUnauthorized() throws Exception {
        GatehouseTestClient gatehouse = GatehouseTestServer.shared().client();
        String accessToken = gatehouse.signIn(gatehouse.createUser()).accessToken();
        TestUser other = gatehouse.createUser();

        HttpResponse<String> response = getSubject(Tokens.withClaim(accessToken, "sub", other.id().toString()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
    }

    @Test
    void getWhenNoTokenThenUnauthorized() throws Exception {
        HttpResponse<String> response = getSubject(null);

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
