package dev.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.support.GatehouseClient;
import dev.gatehouse.support.GatehouseClient.Tokens;
import dev.gatehouse.support.IntegrationTest;

/**
 * Role-based and claims-based authorization end to end: grants made through the admin API reach
 * the next access token, and each admin route admits exactly the permission that guards it.
 */
class AdminAuthorizationFlowTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuthorizationService authorization;

    GatehouseClient client;
    Tokens admin;
    UUID adminId;

    @BeforeEach
    void signInAdmin() throws Exception {
        client = new GatehouseClient(mvc);
        String email = GatehouseClient.uniqueEmail();
        adminId = client.signUp(email);
        authorization.replaceRoles(adminId, Set.of(Permissions.ADMIN_ROLE));
        admin = client.signIn(email);
    }

    @Test
    void adminRoutesWhenOnlyUsersReadGrantThenUserListOnly() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        assertThat(status(as(admin, put("/admin/users/" + userId + "/permissions"), "{\"permissions\":[\"users:read\"]}")))
                .isEqualTo(200);
        Tokens reader = client.signIn(email);

        assertThat(status(as(reader, get("/admin/users"), null))).isEqualTo(200);
        assertAccessDenied(as(reader, get("/admin/roles"), null));
        assertAccessDenied(as(reader, post("/admin/roles"), "{\"name\":\"spy\",\"permissions\":[]}"));
        assertAccessDenied(as(reader, put("/admin/users/" + userId + "/roles"), "{\"roles\":[\"admin\"]}"));
        assertAccessDenied(as(reader, put("/admin/users/" + userId + "/permissions"), "{\"permissions\":[\"roles:assign\"]}"));
        assertAccessDenied(as(reader, delete("/admin/users/" + userId + "/sessions"), null));
    }

    @Test
    void refreshWhenRoleAssignedThenTokenCarriesRole() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        Tokens before = client.signIn(email);
        String role = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(status(as(admin, post("/admin/roles"), "{\"name\":\"" + role + "\",\"permissions\":[\"articles:write\"]}")))
                .isEqualTo(201);
        assertThat(status(as(admin, put("/admin/users/" + userId + "/roles"), "{\"roles\":[\"" + role + "\"]}")))
                .isEqualTo(200);

        Tokens after = Tokens.from(client.refresh(before.refreshToken()));

        assertThat(claimList(before.accessToken(), "roles")).isEmpty();
        assertThat(claimList(after.accessToken(), "roles")).containsExactly(role);
        assertThat(claimList(after.accessToken(), "permissions")).containsExactly("articles:write");
    }

    @Test
    void replaceRolesWhenCallerHoldsOnlyRolesAssignThenCannotGrantAdmin() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        authorization.replacePermissions(userId, Set.of(Permissions.ROLES_ASSIGN));
        Tokens assigner = client.signIn(email);

        MvcResult escalation = as(assigner, put("/admin/users/" + userId + "/roles"), "{\"roles\":[\"admin\"]}");

        assertThat(escalation.getResponse().getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(escalation.getResponse().getContentAsString(), "$.code"))
                .isEqualTo("permission_not_held");
        assertThat(authorization.authoritiesOf(userId).roles()).isEmpty();
    }

    @Test
    void replaceRolesWhenCallerHoldsOnlyRolesAssignThenCannotRemoveAdmin() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        authorization.replacePermissions(userId, Set.of(Permissions.ROLES_ASSIGN));
        Tokens assigner = client.signIn(email);

        MvcResult demotion = as(assigner, put("/admin/users/" + adminId + "/roles"), "{\"roles\":[]}");

        assertThat(demotion.getResponse().getStatus()).isEqualTo(403);
        assertThat(authorization.authoritiesOf(adminId).roles()).containsExactly(Permissions.ADMIN_ROLE);
    }

    @Test
    void replacePermissionsWhenCallerHoldsOnlyGrantThenCannotGrantAdminPermissions() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        authorization.replacePermissions(userId, Set.of(Permissions.PERMISSIONS_GRANT));
        Tokens granter = client.signIn(email);

        MvcResult escalation = as(granter, put("/admin/users/" + userId + "/permissions"),
                "{\"permissions\":[\"permissions:grant\",\"roles:assign\"]}");
        MvcResult appGrant = as(granter, put("/admin/users/" + userId + "/permissions"),
                "{\"permissions\":[\"permissions:grant\",\"coffees:create\"]}");

        assertThat(escalation.getResponse().getStatus()).isEqualTo(403);
        assertThat(appGrant.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void createRoleWhenCallerHoldsOnlyRolesWriteThenCannotCarryAdminPermissions() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        authorization.replacePermissions(userId, Set.of(Permissions.ROLES_WRITE));
        Tokens writer = client.signIn(email);
        String role = "sneaky-" + UUID.randomUUID().toString().substring(0, 8);

        MvcResult escalation = as(writer, post("/admin/roles"),
                "{\"name\":\"" + role + "\",\"permissions\":[\"roles:assign\"]}");

        assertThat(escalation.getResponse().getStatus()).isEqualTo(403);
        assertThat(authorization.listRoles()).noneMatch(existing -> existing.name().equals(role));
    }

    @Test
    void refreshWhenAdminRevokedUserSessionsThenRejected() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        UUID userId = client.signUp(email);
        Tokens user = client.signIn(email);

        MvcResult revoke = as(admin, delete("/admin/users/" + userId + "/sessions"), null);

        assertThat(revoke.getResponse().getStatus()).isEqualTo(200);
        assertThat(client.refresh(user.refreshToken()).getResponse().getStatus()).isEqualTo(401);
        assertThat(client.getWithBearer("/users/me", user.accessToken()).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void adminRoutesWhenPlainUserThenAccessDenied() throws Exception {
        Tokens user = client.newSignedInUser();

        assertAccessDenied(as(user, get("/admin/users"), null));
        assertAccessDenied(as(user, get("/admin/anything-else"), null));
    }

    private MvcResult as(Tokens tokens, MockHttpServletRequestBuilder request, String json) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken());
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request).andReturn();
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }

    private static void assertAccessDenied(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.code")).isEqualTo("access_denied");
    }

    private static List<String> claimList(String jwt, String claim) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return JsonPath.read(payload, "$." + claim);
    }
}
