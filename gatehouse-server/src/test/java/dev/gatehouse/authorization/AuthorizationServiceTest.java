package dev.gatehouse.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.gatehouse.account.Account;
import dev.gatehouse.account.AccountService;
import dev.gatehouse.error.ConflictException;
import dev.gatehouse.error.InvalidRequestException;
import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class AuthorizationServiceTest extends IntegrationTest {

    @Autowired
    private AuthorizationService authorization;

    @Autowired
    private AccountService accounts;

    @Test
    void authoritiesOfWhenGrantedThenUnion() {
        Account user = newUser();
        String editor = uniqueRole("editor");
        String viewer = uniqueRole("viewer");
        authorization.createRole(editor, Set.of("documents:read", "documents:write"));
        authorization.createRole(viewer, Set.of("documents:read", "comments:read"));
        authorization.replaceRoles(user.id(), Set.of(editor, viewer));
        authorization.replacePermissions(user.id(), Set.of("documents:read", "billing:read"));

        Authorities authorities = authorization.authoritiesOf(user.id());

        assertThat(authorities.roles()).containsExactly(editor, viewer);
        assertThat(authorities.permissions())
                .containsExactly("billing:read", "comments:read", "documents:read", "documents:write");
    }

    @Test
    void authoritiesOfWhenAdminThenAllAdmin() {
        Account user = newUser();
        authorization.replaceRoles(user.id(), Set.of(Permissions.ADMIN_ROLE));

        Authorities authorities = authorization.authoritiesOf(user.id());

        assertThat(authorities.roles()).containsExactly(Permissions.ADMIN_ROLE);
        assertThat(authorities.permissions()).containsExactlyInAnyOrderElementsOf(Permissions.ALL_ADMIN);
    }

    @Test
    void authoritiesOfWhenUserUnknownThenEmpty() {
        Authorities authorities = authorization.authoritiesOf(UUID.randomUUID());

        assertThat(authorities.roles()).isEmpty();
        assertThat(authorities.permissions()).isEmpty();
    }

    @Test
    void userAuthoritiesOfWhenGrantedThenUnion() {
        Account user = newUser();
        String editor = uniqueRole("editor");
        authorization.createRole(editor, Set.of("documents:read", "documents:write"));
        authorization.replaceRoles(user.id(), Set.of(editor));
        authorization.replacePermissions(user.id(), Set.of("documents:read", "billing:read"));

        UserAuthorities found = authorization.userAuthoritiesOf(user.id()).orElseThrow();

        assertThat(found.email()).isEqualTo(user.email());
        assertThat(found.authorities()).isEqualTo(authorization.authoritiesOf(user.id()));
        assertThat(found.authorities().roles()).containsExactly(editor);
        assertThat(found.authorities().permissions())
                .containsExactly("billing:read", "documents:read", "documents:write");
    }

    @Test
    void userAuthoritiesOfWhenNoGrantsThenEmailOnly() {
        Account user = newUser();

        UserAuthorities found = authorization.userAuthoritiesOf(user.id()).orElseThrow();

        assertThat(found.email()).isEqualTo(user.email());
        assertThat(found.authorities().roles()).isEmpty();
        assertThat(found.authorities().permissions()).isEmpty();
    }

    @Test
    void userAuthoritiesOfWhenUserUnknownThenEmpty() {
        assertThat(authorization.userAuthoritiesOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void authoritiesWhenCreatedThenSortedAndImmutable() {
        Authorities authorities = new Authorities(Set.of("b", "a", "c"), Set.of("y:b", "x:a"));

        assertThat(authorities.roles()).containsExactly("a", "b", "c");
        assertThat(authorities.permissions()).containsExactly("x:a", "y:b");
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> authorities.roles().add("d"));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> authorities.permissions().clear());
    }

    @Test
    void createRoleWhenNameTakenThenRoleExists() {
        String name = uniqueRole("taken");
        authorization.createRole(name, Set.of("documents:read"));

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> authorization.createRole(name, Set.of()))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("role_exists"));
    }

    @Test
    void createRoleWhenValidThenListed() {
        String name = uniqueRole("listed");

        Role created = authorization.createRole(name, Set.of("a1-b_c:d2-e_f", "documents:read"));

        assertThat(authorization.listRoles()).contains(created);
        assertThat(created.permissions()).containsExactly("a1-b_c:d2-e_f", "documents:read");
    }

    @Test
    void listRolesThenAdminSeeded() {
        List<Role> roles = authorization.listRoles();

        assertThat(roles).filteredOn(role -> role.name().equals(Permissions.ADMIN_ROLE))
                .singleElement()
                .satisfies(admin -> assertThat(admin.permissions())
                        .containsExactlyInAnyOrderElementsOf(Permissions.ALL_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "users",
        "Users:read",
        "users:*",
        "*:*",
        "users:read:all",
        ":read",
        "users:",
        "1users:read",
        "users:read ",
        "us ers:read",
        "users.read",
        "",
    })
    void createRoleWhenPermissionMalformedThenInvalid(String permission) {
        String name = uniqueRole("bad-permission");

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> authorization.createRole(name, Set.of(permission)))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_permission"));

        assertThat(authorization.listRoles()).noneMatch(role -> role.name().equals(name));
    }

    @Test
    void createRoleWhenPermissionTooLongThenInvalid() {
        String permission = "a".repeat(50) + ":" + "b".repeat(50);

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> authorization.createRole(uniqueRole("long"), Set.of(permission)))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_permission"));
    }

    @Test
    void createRoleWhenPermissionMaxLengthThenCreated() {
        String permission = "a".repeat(50) + ":" + "b".repeat(49);

        Role role = authorization.createRole(uniqueRole("max"), Set.of(permission));

        assertThat(role.permissions()).containsExactly(permission);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admin", "1admin", "ad min", "", "admin:all", "röle"})
    void createRoleWhenNameMalformedThenInvalid(String name) {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> authorization.createRole(name, Set.of()))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_role_name"));
    }

    @Test
    void createRoleWhenNameTooLongThenInvalid() {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> authorization.createRole("r".repeat(65), Set.of()))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_role_name"));
    }

    @Test
    void replaceRolesWhenOneUnknownThenUnchanged() {
        Account user = newUser();
        String kept = uniqueRole("kept");
        String other = uniqueRole("other");
        authorization.createRole(kept, Set.of("documents:read"));
        authorization.createRole(other, Set.of("documents:write"));
        authorization.replaceRoles(user.id(), Set.of(kept));

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> authorization.replaceRoles(user.id(), Set.of(other, "missing-" + shortId())))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("unknown_role"));

        assertThat(authorization.authoritiesOf(user.id()).roles()).containsExactly(kept);
    }

    @Test
    void replaceRolesWhenUserUnknownThenEmpty() {
        assertThat(authorization.replaceRoles(UUID.randomUUID(), Set.of(Permissions.ADMIN_ROLE))).isEmpty();
    }

    @Test
    void replaceRolesWhenEmptyThenRolesRemoved() {
        Account user = newUser();
        authorization.replaceRoles(user.id(), Set.of(Permissions.ADMIN_ROLE));

        UserGrants grants = authorization.replaceRoles(user.id(), Set.of()).orElseThrow();

        assertThat(grants.roles()).isEmpty();
        assertThat(authorization.authoritiesOf(user.id()).roles()).isEmpty();
    }

    @Test
    void replacePermissionsThenRolesUntouched() {
        Account user = newUser();
        String role = uniqueRole("reader");
        authorization.createRole(role, Set.of("documents:read"));
        authorization.replaceRoles(user.id(), Set.of(role));
        authorization.replacePermissions(user.id(), Set.of("billing:read", "billing:write"));

        UserGrants grants = authorization.replacePermissions(user.id(), Set.of("audit:read")).orElseThrow();

        assertThat(grants.roles()).containsExactly(role);
        assertThat(grants.permissions()).containsExactly("audit:read");
        assertThat(authorization.authoritiesOf(user.id()).permissions())
                .containsExactly("audit:read", "documents:read");
    }

    @Test
    void replacePermissionsWhenMalformedThenUnchanged() {
        Account user = newUser();
        authorization.replacePermissions(user.id(), Set.of("billing:read"));

        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> authorization.replacePermissions(user.id(), Set.of("audit:read", "Audit:Write")))
                .satisfies(exception -> assertThat(exception.code()).isEqualTo("invalid_permission"));

        assertThat(authorization.authoritiesOf(user.id()).permissions()).containsExactly("billing:read");
    }

    @Test
    void replacePermissionsWhenUserUnknownThenEmpty() {
        assertThat(authorization.replacePermissions(UUID.randomUUID(), Set.of("audit:read"))).isEmpty();
    }

    @Test
    void grantsOfWhenSeveralUsersThenEachListed() {
        Account withGrants = newUser();
        Account withoutGrants = newUser();
        authorization.replaceRoles(withGrants.id(), Set.of(Permissions.ADMIN_ROLE));
        authorization.replacePermissions(withGrants.id(), Set.of("audit:read"));

        Map<UUID, UserGrants> grants = authorization.grantsOf(List.of(withGrants.id(), withoutGrants.id()));

        assertThat(grants.get(withGrants.id())).isEqualTo(new UserGrants(Set.of("admin"), Set.of("audit:read")));
        assertThat(grants.get(withoutGrants.id())).isEqualTo(new UserGrants(Set.of(), Set.of()));
    }

    @Test
    void grantsOfWhenNoUsersThenEmpty() {
        assertThat(authorization.grantsOf(List.of())).isEmpty();
    }

    private Account newUser() {
        return accounts.signUp("authz-" + UUID.randomUUID() + "@example.test", "correct horse battery");
    }

    private static String uniqueRole(String prefix) {
        return prefix + "-" + shortId();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
