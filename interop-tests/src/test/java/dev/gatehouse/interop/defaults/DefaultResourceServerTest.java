package dev.gatehouse.interop.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.gatehouse.interop.ResourceServerTest;
import dev.gatehouse.testserver.GatehouseTestClient;
import dev.gatehouse.testserver.GatehouseTestServer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Records why the plain resource server declares a {@code typ} validator: with the issuer-uri property
 * alone, Spring Boot 4.0 with Spring Security 7.0 accepts only {@code typ: JWT}, so it rejects
 * Gatehouse's {@code at+jwt} access tokens. When a Spring release changes that default, this test
 * fails and the validator bean can go.
 */
@SpringBootTest(classes = DefaultResourceServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultResourceServerTest extends ResourceServerTest {

    @Test
    void getWhenDefaultsOnlyThenTypRejected() throws Exception {
        GatehouseTestClient gatehouse = GatehouseTestServer.shared().client();
        String accessToken = gatehouse.signIn(gatehouse.createUser()).accessToken();

        HttpResponse<String> response = getSubject(accessToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).contains("invalid_token").contains("typ"));
    }
}
