package dev.gatehouse.admin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

class AdminRoleControllerTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;

    @Test
    void createRoleWhenValidThenCreated() throws Exception {
        String name = "auditor-" + shortId();

        createRole(Map.of("name", name, "permissions", List.of("reports:read", "audit:read")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.permissions", contains("audit:read", "reports:read")))
                .andExpect(jsonPath("$.createdAt").isString());

        mvc.perform(get("/admin/roles").with(admin(Permissions.ROLES_READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[?(@.name == '" + name + "')].permissions[*]",
                        contains("audit:read", "reports:read")));
    }

    @Test
    void createRoleWhenNameExistsThenRoleExists() throws Exception {
        createRole(Map.of("name", Permissions.ADMIN_ROLE, "permissions", List.of()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("role_exists"));
    }

    @Test
    void createRoleWhenPermissionMalformedThenInvalid() throws Exception {
        createRole(Map.of("name", "bad-" + shortId(), "permissions", List.of("Reports:Read")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_permission"));
    }

    @Test
    void createRoleWhenNameMalformedThenInvalid() throws Exception {
        createRole(Map.of("name", "Auditors", "permissions", List.of("audit:read")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_role_name"));
    }

    @Test
    void createRoleWhenPermissionsMissingThenInvalidRequest() throws Exception {
        createRole(Map.of("name", "no-permissions-" + shortId()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    @Test
    void listRolesThenAdminSeeded() throws Exception {
        mvc.perform(get("/admin/roles").with(admin(Permissions.ROLES_READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[?(@.name == 'admin')].permissions[*]",
                        containsInAnyOrder(Permissions.ALL_ADMIN.toArray())));
    }

    private ResultActions createRole(Map<String, ?> body) throws Exception {
        return mvc.perform(post("/admin/roles")
                .with(admin(Permissions.ROLES_WRITE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private static JwtRequestPostProcessor admin(String permission) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority(permission));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
