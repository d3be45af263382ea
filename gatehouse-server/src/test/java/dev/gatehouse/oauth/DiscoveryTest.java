package dev.gatehouse.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;

class DiscoveryTest extends IntegrationTest {

    private static final List<String> PATHS = List.of("/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private GatehouseProperties properties;

    @Test
    void discoveryWhenFetchedWithoutTokenThenPublicAndCached() {
        for (String path : PATHS) {
            MvcTestResult result = mvc.get().uri(path).exchange();

            assertThat(result).as(path).hasStatus(HttpStatus.OK);
            assertThat(result).as(path).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
            assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).as(path)
                    .isEqualTo("max-age=300, public");
        }
    }

    @Test
    void discoveryWhenFetchedThenEndpointsBelowIssuer() throws Exception {
        String issuer = properties.issuer();
        for (String path : PATHS) {
            Map<String, Object> metadata = metadata(path);

            assertThat(metadata).as(path).containsEntry("issuer", issuer);
            assertThat(metadata).as(path).containsEntry("jwks_uri", issuer + "/.well-known/jwks.json");
            assertThat(metadata).as(path).containsEntry("token_endpoint", issuer + "/oauth2/token");
            assertThat(metadata).as(path).containsEntry("revocation_endpoint", issuer + "/oauth2/revoke");
            assertThat(metadata).as(path).containsEntry("introspection_endpoint", issuer + "/oauth2/introspect");
            assertThat(metadata).as(path).containsEntry("gatehouse_revoked_sessions_endpoint",
                    issuer + "/sessions/revoked");
            assertThat(metadata).as(path).doesNotContainKey("authorization_endpoint");
        }
    }

    @Test
    void discoveryWhenFetchedThenIssuerHasNoTrailingSlash() throws Exception {
        String issuer = (String) metadata(PATHS.getFirst()).get("issuer");

        assertThat(issuer).doesNotEndWith("/");
    }

    @Test
    void discoveryWhenFetchedThenSupportedValuesListed() throws Exception {
        Map<String, Object> metadata = metadata(PATHS.getFirst());

        assertThat(metadata).containsEntry("grant_types_supported", List.of("password", "refresh_token"));
        assertThat(metadata).containsEntry("response_types_supported", List.of("none"));
        assertThat(metadata).containsEntry("subject_types_supported", List.of("public"));
        assertThat(metadata).containsEntry("id_token_signing_alg_values_supported", List.of("ES256"));
        assertThat(metadata).containsEntry("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        assertThat(metadata).containsEntry("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        assertThat(metadata).containsEntry("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        assertThat(JsonPath.<List<String>>read(metadata, "$.claims_supported"))
                .contains("sub", "sid", "email", "client_id", "roles", "permissions");
    }

    @Test
    void discoveryWhenBothPathsFetchedThenSameDocument() throws Exception {
        assertThat(metadata(PATHS.get(0))).isEqualTo(metadata(PATHS.get(1)));
    }

    private Map<String, Object> metadata(String path) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return JsonPath.read(result.getResponse().getContentAsString(), "$");
    }
}
