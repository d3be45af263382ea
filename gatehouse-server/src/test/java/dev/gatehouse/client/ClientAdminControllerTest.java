package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/** The admin API of OAuth clients, client authentication, and how secrets are stored. */
class ClientAdminControllerTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ClientService clients;

    private String adminToken;

    @BeforeEach
    void signInAsAdmin() {
        adminToken = signInWith("insert into user_roles (user_id, role_name) values (?, ?)", Permissions.ADMIN_ROLE);
    }

    @Test
    void registerWhenConfidentialThenIdAndSecretReturnedOnce() throws Exception {
        MvcTestResult result = register("{\"name\":\"Coffee API\",\"type\":\"confidential\"}", adminToken);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        Map<String, Object> body = JsonPath.read(result.getResponse().getContentAsString(), "$");
        assertThat((String) body.get("clientId")).matches("gh_[A-Za-z0-9_-]{22}");
        assertThat((String) body.get("clientSecret")).matches("[A-Za-z0-9_-]{43}");
        assertThat(body).containsEntry("name", "Coffee API");
        assertThat(body).containsEntry("type", "confidential");
        assertThat(body).containsKey("createdAt");
    }

    @Test
    void registerWhenPublicThenNoSecret() throws Exception {
        MvcTestResult result = register("{\"name\":\"Coffee SPA\",\"type\":\"public\"}", adminToken);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        Map<String, Object> body = JsonPath.read(result.getResponse().getContentAsString(), "$");
        assertThat(body).doesNotContainKey("clientSecret");
        assertThat(body).containsEntry("type", "public");
    }

    @Test
    void registerWhenConfidentialThenOnlySha256OfSecretStored() throws Exception {
        Map<String, Object> body = registered("confidential");
        String secret = (String) body.get("clientSecret");

        Map<String, Object> row = jdbc.sql("select * from oauth_clients where client_id = ?")
                .param(body.get("clientId"))
                .query()
                .singleRow();

        assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(secret));
        assertThat(row.get("secret_hash")).isEqualTo(sha256(secret));
    }

    @Test
    void registerWhenTypeOrNameInvalidThenInvalidRequest() {
        for (String json : List.of("{\"name\":\"A\",\"type\":\"private\"}", "{\"name\":\"A\"}", "{\"name\":\" \",\"type\":\"public\"}",
                "{\"type\":\"public\"}", "{\"name\":\"" + "n".repeat(201) + "\",\"type\":\"public\"}")) {
            MvcTestResult result = register(json, adminToken);

            assertThat(result).as(json).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).as(json).bodyJson().extractingPath("$.code").isEqualTo("invalid_request");
        }
    }

    @Test
    void listWhenClientsRegisteredThenListedWithoutSecrets() throws Exception {
        Map<String, Object> registered = registered("confidential");

        MvcTestResult result = mvc.get().uri("/admin/clients").header(HttpHeaders.AUTHORIZATION, bearer(adminToken)).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        String body = result.getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.clients[*].clientId")).contains((String) registered.get("clientId"));
        assertThat(JsonPath.<List<?>>read(body, "$.clients[?(@.clientSecret)]")).isEmpty();
        assertThat(body).doesNotContain((String) registered.get("clientSecret"));
    }

    @Test
    void deleteWhenRegisteredThenGoneAndCannotAuthenticate() throws Exception {
        Map<String, Object> registered = registered("confidential");
        String clientId = (String) registered.get("clientId");

        MvcTestResult result = mvc.delete().uri("/admin/clients/" + clientId)
                .header(HttpHeaders.AUTHORIZATION, bearer(adminToken)).exchange();

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(clients.list()).extracting(OAuthClient::clientId).doesNotContain(clientId);
        assertThat(clients.authenticate(clientId, (String) registered.get("clientSecret"))).isEmpty();
    }

    @Test
    void deleteWhenUnknownThenClientNotFound() {
        MvcTestResult result = mvc.delete().uri("/admin/clients/gh_unknown")
                .header(HttpHeaders.AUTHORIZATION, bearer(adminToken)).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("client_not_found");
    }

    @Test
    void rotateSecretWhenConfidentialThenOldSecretStopsWorking() throws Exception {
        Map<String, Object> registered = registered("confidential");
        String clientId = (String) registered.get("clientId");
        String oldSecret = (String) registered.get("clientSecret");

        MvcTestResult result = mvc.post().uri("/admin/clients/" + clientId + "/secret")
                .header(HttpHeaders.AUTHORIZATION, bearer(adminToken)).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        String newSecret = JsonPath.read(result.getResponse().getContentAsString(), "$.clientSecret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(clients.authenticate(clientId, oldSecret)).isEmpty();
        assertThat(clients.authenticate(clientId, newSecret)).isPresent();
    }

    @Test
    void rotateSecretWhenPublicThenInvalidRequest() throws Exception {
        String clientId = (String) registered("public").get("clientId");

        MvcTestResult result = mvc.post().uri("/admin/clients/" + clientId + "/secret")
                .header(HttpHeaders.AUTHORIZATION, bearer(adminToken)).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_request");
    }

    @Test
    void rotateSecretWhenUnknownThenClientNotFound() {
        MvcTestResult result = mvc.post().uri("/admin/clients/gh_unknown/secret")
                .header(HttpHeaders.AUTHORIZATION, bearer(adminToken)).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void authenticateWhenWrongKindOfCredentialThenEmpty() throws Exception {
        Map<String, Object> confidential = registered("confidential");
        String publicId = (String) registered("public").get("clientId");
        String confidentialId = (String) confidential.get("clientId");

        assertThat(clients.authenticate(confidentialId, (String) confidential.get("clientSecret"))).isPresent();
        assertThat(clients.authenticate(confidentialId, null)).isEmpty();
        assertThat(clients.authenticate(confidentialId, "wrong-secret")).isEmpty();
        assertThat(clients.authenticate(publicId, null)).isPresent();
        assertThat(clients.authenticate(publicId, "any-secret")).isEmpty();
        assertThat(clients.authenticate("gh_unknown", null)).isEmpty();
        assertThat(clients.authenticate("gh_unknown", "any-secret")).isEmpty();
    }

    @Test
    void listWhenOnlyClientsWriteThenForbidden() {
        String token = signInWith("insert into user_permissions (user_id, permission) values (?, ?)",
                Permissions.CLIENTS_WRITE);

        MvcTestResult result = mvc.get().uri("/admin/clients").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void registerWhenOnlyClientsReadThenForbidden() {
        String token = signInWith("insert into user_permissions (user_id, permission) values (?, ?)",
                Permissions.CLIENTS_READ);

        MvcTestResult result = register("{\"name\":\"A\",\"type\":\"public\"}", token);

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/clients").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange())
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void grantWhenClientsWriteNotHeldThenPermissionNotHeld() {
        String token = signInWith("insert into user_permissions (user_id, permission) values (?, ?)",
                Permissions.PERMISSIONS_GRANT);
        Account target = TestUsers.signUp(mvc);

        MvcTestResult result = mvc.put().uri("/admin/users/" + target.id() + "/permissions")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"permissions\":[\"clients:write\"]}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("permission_not_held");
    }

    private Map<String, Object> registered(String type) throws Exception {
        MvcTestResult result = register("{\"name\":\"Test client\",\"type\":\"" + type + "\"}", adminToken);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(result.getResponse().getContentAsString(), "$");
    }

    private MvcTestResult register(String json, String token) {
        return mvc.post().uri("/admin/clients")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    /** Signs in a new user after running {@code grantSql} with the user's id and {@code grant}. */
    private String signInWith(String grantSql, String grant) {
        Account account = TestUsers.signUp(mvc);
        jdbc.sql(grantSql).params(account.id(), grant).update();
        Tokens tokens = TestUsers.signIn(mvc, account);
        return tokens.accessToken();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sha256(String secret) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
