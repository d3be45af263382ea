package dev.gatehouse.starter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.gatehouse.starter.token.AccessTokenClaims;

/**
 * Maps Gatehouse access-token claims to Spring Security authorities, as the Gatehouse server does: each
 * role {@code r} becomes {@code ROLE_r}, each permission {@code p} becomes {@code p}. With these,
 * {@code hasRole("admin")} and {@code hasAuthority("orders:read")} work in Spring Security expressions too.
 */
public final class GatehouseAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String ROLE_PREFIX = "ROLE_";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : claimList(jwt, AccessTokenClaims.ROLES)) {
            authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
        }
        for (String permission : claimList(jwt, AccessTokenClaims.PERMISSIONS)) {
            authorities.add(new SimpleGrantedAuthority(permission));
        }
        return authorities;
    }

    private static List<String> claimList(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }
}
