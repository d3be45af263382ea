package dev.gatehouse.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.Role;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creates and lists roles. */
@RestController
@RequestMapping("/admin/roles")
class AdminRoleController {

    private static final Logger log = LoggerFactory.getLogger(AdminRoleController.class);

    private final AuthorizationService authorization;

    AdminRoleController(AuthorizationService authorization) {
        this.authorization = authorization;
    }

    /**
     * Creates a role. Requires permission {@code roles:write}. Returns 400 {@code invalid_role_name}
     * or {@code invalid_permission} for malformed names, and 409 {@code role_exists} for a taken name.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoleResponse createRole(@Valid @RequestBody CreateRoleRequest request, @AuthenticationPrincipal Jwt jwt) {
        Role role = authorization.createRoleAs(UUID.fromString(jwt.getSubject()), request.name(), request.permissions());

        log.info("Admin {} created role {} with permissions {}", jwt.getSubject(), role.name(), role.permissions());
        return RoleResponse.of(role);
    }

    /** Lists every role with its permissions, ordered by name. Requires permission {@code roles:read}. */
    @GetMapping
    RoleList listRoles() {
        return new RoleList(authorization.listRoles().stream().map(RoleResponse::of).toList());
    }

    /** Body of a role creation. The fields are nullable until {@code @Valid} has checked them. */
    record CreateRoleRequest(@NotNull @Nullable String name, @NotNull @Nullable Set<@NotNull String> permissions) {
    }

    record RoleResponse(String name, Set<String> permissions, Instant createdAt) {

        static RoleResponse of(Role role) {
            return new RoleResponse(role.name(), role.permissions(), role.createdAt());
        }
    }

    record RoleList(List<RoleResponse> roles) {
    }
}
