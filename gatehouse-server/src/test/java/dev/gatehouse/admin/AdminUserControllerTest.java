package dev.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import dev.gatehouse.account.Account;
import dev.gatehouse.account.AccountService;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class AdminUserControllerTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AccountService accounts;

    @Autowired
    private AuthorizationService authorization;

    @MockitoBean
    private SessionService sessions;

    private UUID adminId;

    /** The acting administrator is a real user with the admin role, because grants are checked against it. */
    @BeforeEach
    void createAdmin() {
        adminId = newUser().id();
        authorization.replaceRoles(adminId, Set.of(Permissions.ADMIN_ROLE));
    }

    @Test
    void listUsersThenGrantsIncluded() throws Exception {
        Account user = newUser();
        authorization.replaceRoles(user.id(), Set.of(Permissions.ADMIN_ROLE));
        authorization.replacePermissions(user.id(), Set.of("audit:read"));

        Map<String, Object> listed = findListedUser(user.id());

        assertThat(listed.get("email")).isEqualTo(user.email());
        assertThat(listed.get("createdAt")).isEqualTo(user.createdAt().toString());
        assertThat(listed.get("roles")).isEqualTo(List.of("admin"));
        assertThat(listed.get("permissions")).isEqualTo(List.of("audit:read"));
        assertThat(listed).doesNotContainKeys("password", "passwordHash");
    }

    @Test
    void listUsersWhenNoParametersThenDefaultPage() throws Exception {
        newUser();

        mvc.perform(get("/admin/users").with(admin(Permissions.USERS_READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limit").value(50))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.users").isNotEmpty());
    }

    @Test
    void listUsersWhenLimitOneThenOnePerPage() throws Exception {
        newUser();
        newUser();

        String first = mvc.perform(get("/admin/users?limit=1&offset=0").with(admin(Permissions.USERS_READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users", hasSize(1)))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/admin/users?limit=1&offset=1").with(admin(Permissions.USERS_READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users", hasSize(1)))
                .andReturn().getResponse().getContentAsString();

        String firstId = JsonPath.read(first, "$.users[0].id");
        String secondId = JsonPath.read(second, "$.users[0].id");
        assertThat(firstId).isNotEqualTo(secondId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=-1", "limit=ten", "offset=-1", "offset=x"})
    void listUsersWhenPageInvalidThenInvalid(String query) throws Exception {
        mvc.perform(get("/admin/users?" + query).with(admin(Permissions.USERS_READ)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    @Test
    void listUsersWhenLimitIs200ThenAccepted() throws Exception {
        mvc.perform(get("/admin/users?limit=200").with(admin(Permissions.USERS_READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limit").value(200));
    }

    @Test
    void replaceRolesWhenValidThenRolesReplaced() throws Exception {
        Account user = newUser();
        String role = "support-" + shortId();
        authorization.createRole(role, Set.of("tickets:read"));
        authorization.replaceRoles(user.id(), Set.of(Permissions.ADMIN_ROLE));

        replaceRoles(user.id().toString(), Map.of("roles", List.of(role)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(user.id().toString()))
                .andExpect(jsonPath("$.roles", contains(role)));

        assertThat(authorization.authoritiesOf(user.id()).roles()).containsExactly(role);
        assertThat(authorization.authoritiesOf(user.id()).permissions()).containsExactly("tickets:read");
    }

    @Test
    void replaceRolesWhenUnknownRoleThenUnchanged() throws Exception {
        Account user = newUser();
        String kept = "kept-" + shortId();
        authorization.createRole(kept, Set.of("tickets:read"));
        authorization.replaceRoles(user.id(), Set.of(kept));

        replaceRoles(user.id().toString(), Map.of("roles", List.of(Permissions.ADMIN_ROLE, "missing-" + shortId())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown_role"));

        assertThat(authorization.authoritiesOf(user.id()).roles()).containsExactly(kept);
    }

    @Test
    void replaceRolesWhenUserUnknownThenNotFound() throws Exception {
        replaceRoles(UUID.randomUUID().toString(), Map.of("roles", List.of(Permissions.ADMIN_ROLE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user_not_found"));
    }

    @Test
    void replaceRolesWhenIdNotUuidThenInvalid() throws Exception {
        replaceRoles("not-a-uuid", Map.of("roles", List.of(Permissions.ADMIN_ROLE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    @Test
    void replaceRolesWhenRolesMissingThenInvalidRequest() throws Exception {
        Account user = newUser();
        authorization.replaceRoles(user.id(), Set.of(Permissions.ADMIN_ROLE));

        replaceRoles(user.id().toString(), Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));

        assertThat(authorization.authoritiesOf(user.id()).roles()).containsExactly(Permissions.ADMIN_ROLE);
    }

    @Test
    void replaceRolesWhenRoleNullThenInvalid() throws Exception {
        mvc.perform(put("/admin/users/{id}/roles", newUser().id())
                        .with(admin(Permissions.ROLES_ASSIGN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[null]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    @Test
    void replaceRolesThenLogsAdminAndTarget(CapturedOutput output) throws Exception {
        Account user = newUser();

        replaceRoles(user.id().toString(), Map.of("roles", List.of(Permissions.ADMIN_ROLE)))
                .andExpect(status().isOk());

        assertThat(output.getOut()).contains("Admin " + adminId + " set roles [admin] for user " + user.id());
    }

    @Test
    void replacePermissionsWhenValidThenDirectGrantsReplaced() throws Exception {
        Account user = newUser();
        authorization.replacePermissions(user.id(), Set.of("billing:read"));

        replacePermissions(user.id().toString(), Map.of("permissions", List.of("reports:write", "audit:read")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permissions", contains("audit:read", "reports:write")))
                .andExpect(jsonPath("$.roles").isEmpty());

        assertThat(authorization.authoritiesOf(user.id()).permissions()).containsExactly("audit:read", "reports:write");
    }

    @Test
    void replacePermissionsWhenMalformedThenUnchanged() throws Exception {
        Account user = newUser();
        authorization.replacePermissions(user.id(), Set.of("billing:read"));

        replacePermissions(user.id().toString(), Map.of("permissions", List.of("audit:read", "audit:*")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_permission"));

        assertThat(authorization.authoritiesOf(user.id()).permissions()).containsExactly("billing:read");
    }

    @Test
    void replacePermissionsWhenUserUnknownThenNotFound() throws Exception {
        replacePermissions(UUID.randomUUID().toString(), Map.of("permissions", List.of("audit:read")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user_not_found"));
    }

    @Test
    void replacePermissionsWhenIdNotUuidThenInvalid() throws Exception {
        replacePermissions("12345", Map.of("permissions", List.of("audit:read")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    @Test
    void revokeSessionsThenRevokedCount() throws Exception {
        Account user = newUser();
        when(sessions.revokeAllForUser(user.id())).thenReturn(3);

        mvc.perform(delete("/admin/users/{id}/sessions", user.id()).with(admin(Permissions.SESSIONS_REVOKE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(3));

        verify(sessions).revokeAllForUser(user.id());
    }

    @Test
    void revokeSessionsWhenUserUnknownThenNotFound() throws Exception {
        mvc.perform(delete("/admin/users/{id}/sessions", UUID.randomUUID()).with(admin(Permissions.SESSIONS_REVOKE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user_not_found"));

        verify(sessions, never()).revokeAllForUser(any());
    }

    @Test
    void revokeSessionsWhenIdNotUuidThenInvalid() throws Exception {
        mvc.perform(delete("/admin/users/not-a-uuid/sessions").with(admin(Permissions.SESSIONS_REVOKE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    /** Walks the pages of the admin list until it finds the user, because other tests add users too. */
    private Map<String, Object> findListedUser(UUID id) throws Exception {
        for (int offset = 0; offset < 100_000; offset += 200) {
            String body = mvc.perform(get("/admin/users?limit=200&offset=" + offset).with(admin(Permissions.USERS_READ)))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<Map<String, Object>> users = JsonPath.read(body, "$.users");
            if (users.isEmpty()) {
                break;
            }
            for (Map<String, Object> user : users) {
                if (id.toString().equals(user.get("id"))) {
                    return user;
                }
            }
        }
        throw new AssertionError("User " + id + " is not in the admin list");
    }

    private ResultActions replaceRoles(String userId, Map<String, ?> body) throws Exception {
        return mvc.perform(put("/admin/users/" + userId + "/roles")
                .with(admin(Permissions.ROLES_ASSIGN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private ResultActions replacePermissions(String userId, Map<String, ?> body) throws Exception {
        return mvc.perform(put("/admin/users/" + userId + "/permissions")
                .with(admin(Permissions.PERMISSIONS_GRANT))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private JwtRequestPostProcessor admin(String permission) {
        return jwt().jwt(token -> token.subject(adminId.toString()))
                .authorities(new SimpleGrantedAuthority(permission));
    }

    private Account newUser() {
        return accounts.signUp("admin-users-" + UUID.randomUUID() + "@example.test", PASSWORD);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
