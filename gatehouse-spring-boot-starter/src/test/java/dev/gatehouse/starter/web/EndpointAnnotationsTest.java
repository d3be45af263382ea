package dev.gatehouse.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.gatehouse.starter.support.HttpTestClient;
import dev.gatehouse.starter.support.StarterTestSupport;

class EndpointAnnotationsTest extends StarterTestSupport {

    private static final String[] NO_ROLES = {};

    @Test
    void unannotatedEndpointWhenNoTokenThenUnauthenticated() {
        HttpResponse<String> response = get("/plain", null);

        assertUnauthenticated(response);
    }

    @Test
    void unannotatedEndpointWhenAnyUserThenAllowed() {
        HttpResponse<String> response = get("/plain", tokenWith(NO_ROLES));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("plain");
    }

    @Test
    void corsPreflightWhenNoTokenThenAnsweredFromCorsConfiguration() {
        HttpResponse<String> response = http.options("/plain", Map.of("Origin", "https://app.example.com",
                "Access-Control-Request-Method", "GET"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
    }

    @Test
    void corsRequestWhenNoTokenThenUnauthenticated() {
        assertUnauthenticated(http.get("/plain", null, Map.of("Origin", "https://app.example.com")));
    }

    @Test
    void unknownPathWhenNoTokenThenUnauthenticated() {
        assertUnauthenticated(get("/no/such/path", null));
    }

    @Test
    void unknownPathWhenUserThenNotFound() {
        assertThat(get("/no/such/path", tokenWith(NO_ROLES)).statusCode()).isEqualTo(404);
    }

    @Test
    void staticResourceWhenNoTokenThenUnauthenticated() {
        assertUnauthenticated(get("/hello.txt", null));
    }

    @Test
    void staticResourceWhenUserThenServed() {
        HttpResponse<String> response = get("/hello.txt", tokenWith(NO_ROLES));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("static content");
    }

    @Test
    void actuatorEndpointWhenNoTokenThenUnauthenticated() {
        assertUnauthenticated(get("/actuator/health", null));
    }

    @Test
    void actuatorEndpointWhenUserThenServed() {
        assertThat(get("/actuator/health", tokenWith(NO_ROLES)).statusCode()).isEqualTo(200);
    }

    @Test
    void publicEndpointWhenNoTokenThenCurrentUserNull() {
        HttpResponse<String> response = get("/public/hello", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello anonymous");
    }

    @Test
    void publicEndpointWhenTokenThenCurrentUserBound() {
        UUID userId = UUID.randomUUID();

        HttpResponse<String> response = get("/public/hello", tokenFor(userId, UUID.randomUUID().toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello " + userId);
    }

    @Test
    void publicEndpointWhenRequiredCurrentUserAndNoTokenThenUnauthenticated() {
        assertUnauthenticated(get("/public/requires-user", null));
    }

    @Test
    void publicMethodWhenNoTokenThenAllowed() {
        assertThat(get("/mixed/open", null).statusCode()).isEqualTo(200);
    }

    @Test
    void rolesWhenUserHasOneOfThemThenAllowed() {
        assertThat(get("/mixed/roles", tokenWith(new String[] {"auditor"})).statusCode()).isEqualTo(200);
    }

    @Test
    void rolesWhenUserHasNoneThenInsufficientRole() {
        HttpResponse<String> response = get("/mixed/roles", tokenWith(new String[] {"customer"}, "admin"));

        assertForbidden(response, "insufficient_role");
    }

    @Test
    void rolesWhenNoTokenThenUnauthenticated() {
        assertUnauthenticated(get("/mixed/roles", null));
    }

    @Test
    void permissionsAllOfWhenUserHasAllThenAllowed() {
        String token = tokenWith(NO_ROLES, "reports:read", "reports:export");

        assertThat(get("/mixed/all-permissions", token).statusCode()).isEqualTo(200);
    }

    @Test
    void permissionsAllOfWhenOneMissingThenInsufficientPermission() {
        assertForbidden(get("/mixed/all-permissions", tokenWith(NO_ROLES, "reports:read")), "insufficient_permission");
    }

    @Test
    void permissionsAnyOfWhenUserHasOneThenAllowed() {
        assertThat(get("/mixed/any-permission", tokenWith(NO_ROLES, "orders:admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void permissionsAnyOfWhenUserHasNoneThenInsufficientPermission() {
        assertForbidden(get("/mixed/any-permission", tokenWith(NO_ROLES, "orders:write")), "insufficient_permission");
    }

    @Test
    void permissionsAllAndAnyWhenBothMetThenAllowed() {
        String token = tokenWith(NO_ROLES, "orders:read", "region:us");

        assertThat(get("/mixed/all-and-any", token).statusCode()).isEqualTo(200);
    }

    @Test
    void permissionsAllAndAnyWhenAnyOfMissingThenInsufficientPermission() {
        assertForbidden(get("/mixed/all-and-any", tokenWith(NO_ROLES, "orders:read")), "insufficient_permission");
    }

    @Test
    void classRolesWhenMethodHasNoRequirementThenClassApplies() {
        assertThat(get("/admin/dashboard", tokenWith(new String[] {"admin"})).statusCode()).isEqualTo(200);
        assertForbidden(get("/admin/dashboard", tokenWith(NO_ROLES, "users:delete")), "insufficient_role");
    }

    @Test
    void classRolesAndMethodPermissionWhenBothMetThenAllowed() {
        String token = tokenWith(new String[] {"admin"}, "users:delete");

        assertThat(get("/admin/users/delete-check", token).statusCode()).isEqualTo(200);
    }

    @Test
    void classRolesAndMethodPermissionWhenOnlyRoleThenInsufficientPermission() {
        String token = tokenWith(new String[] {"admin"});

        assertForbidden(get("/admin/users/delete-check", token), "insufficient_permission");
    }

    @Test
    void classRolesAndMethodPermissionWhenOnlyPermissionThenInsufficientRole() {
        String token = tokenWith(NO_ROLES, "users:delete");

        assertForbidden(get("/admin/users/delete-check", token), "insufficient_role");
    }

    @Test
    void inheritedMethodWhenSubclassesDifferThenEachClassRuleApplies() {
        assertThat(get("/open-reports/report", null).statusCode()).isEqualTo(200);
        assertUnauthenticated(get("/finance/report", null));
        assertForbidden(get("/finance/report", tokenWith(NO_ROLES)), "insufficient_role");
        assertThat(get("/finance/report", tokenWith(new String[] {"finance"})).statusCode()).isEqualTo(200);
    }

    @Test
    void methodPolicyWhenPolicyPermitsThenAllowed() {
        String token = tokenWith(new String[] {"admin"});

        HttpResponse<String> response = http.get("/admin/shift", token, Map.of("X-Shift", "open"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void methodPolicyWhenPolicyRejectsThenPolicyDenied() {
        String token = tokenWith(new String[] {"admin"});

        assertForbidden(http.get("/admin/shift", token, Map.of("X-Shift", "closed")), "policy_denied");
    }

    @Test
    void classPolicyWhenOwnResourceThenAllowed() {
        UUID userId = UUID.randomUUID();

        HttpResponse<String> response = get("/owners/" + userId + "/orders", tokenFor(userId, UUID.randomUUID().toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("orders of " + userId);
    }

    @Test
    void classPolicyWhenOtherUsersResourceThenPolicyDenied() {
        HttpResponse<String> response = get("/owners/" + UUID.randomUUID() + "/orders", tokenWith(NO_ROLES));

        assertForbidden(response, "policy_denied");
    }

    @Test
    void classPolicyAndMethodPermissionWhenPermissionMissingThenInsufficientPermission() {
        UUID userId = UUID.randomUUID();

        HttpResponse<String> response = get("/owners/" + userId + "/orders/edit", tokenFor(userId, UUID.randomUUID().toString()));

        assertForbidden(response, "insufficient_permission");
    }

    @Test
    void errorPathWhenRequestedDirectlyThenUnauthenticated() {
        assertUnauthenticated(get("/error", null));
    }

    @Test
    void errorDispatchWhenHandlerThrowsThenServerErrorRendered() {
        HttpResponse<String> response = get("/fails", tokenWith(NO_ROLES));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpTestClient.code(response)).isEqualTo("unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void assertForbidden(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(HttpTestClient.code(response)).isEqualTo(code);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
    }
}
