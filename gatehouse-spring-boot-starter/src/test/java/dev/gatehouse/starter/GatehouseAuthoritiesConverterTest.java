package dev.gatehouse.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class GatehouseAuthoritiesConverterTest {

    private final GatehouseAuthoritiesConverter converter = new GatehouseAuthoritiesConverter();

    @Test
    void convertWhenRolesAndPermissionsThenPrefixedRolesAndPlainPermissions() {
        Jwt jwt = jwt(List.of("admin", "auditor"), List.of("orders:read"));

        assertThat(converter.convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_admin", "ROLE_auditor", "orders:read");
    }

    @Test
    void convertWhenClaimsMissingThenNoAuthorities() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("user").issuedAt(Instant.now()).build();

        assertThat(converter.convert(jwt)).isEmpty();
    }

    private static Jwt jwt(List<String> roles, List<String> permissions) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("user")
                .claim("roles", roles).claim("permissions", permissions).build();
    }
}
