package dev.gatehouse.account;

import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class CurrentUserControllerTest extends IntegrationTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AccountService accounts;

    @Autowired
    private AuthorizationService authorization;

    @Test
    void currentUserWhenGrantedThenPermissionUnion() throws Exception {
        Account account = accounts.signUp("me-" + UUID.randomUUID() + "@example.test", "correct horse battery");
        String role = "me-role-" + shortId();
        authorization.createRole(role, Set.of("reports:read", "reports:write"));
        authorization.replaceRoles(account.id(), Set.of(role));
        authorization.replacePermissions(account.id(), Set.of("reports:read", "audit:read"));

        mvc.perform(get("/users/me").with(jwt().jwt(token -> token.subject(account.id().toString()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(account.id().toString()))
                .andExpect(jsonPath("$.email").value(account.email()))
                .andExpect(jsonPath("$.roles", contains(role)))
                .andExpect(jsonPath("$.permissions", contains("audit:read", "reports:read", "reports:write")));
    }

    @Test
    void currentUserWhenNoGrantsThenEmpty() throws Exception {
        Account account = accounts.signUp("me-" + UUID.randomUUID() + "@example.test", "correct horse battery");

        mvc.perform(get("/users/me").with(jwt().jwt(token -> token.subject(account.id().toString()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").isEmpty())
                .andExpect(jsonPath("$.permissions").isEmpty());
    }

    @Test
    void currentUserWhenUnknownThenNotFound() throws Exception {
        mvc.perform(get("/users/me").with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user_not_found"));
    }

    @Test
    void currentUserWhenSubjectNotUuidThenNotFound() throws Exception {
        mvc.perform(get("/users/me").with(jwt().jwt(token -> token.subject("not-a-uuid"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user_not_found"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
