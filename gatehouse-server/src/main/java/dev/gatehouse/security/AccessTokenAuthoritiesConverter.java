package dev.gatehouse.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.gatehouse.token.AccessTokenClaims;

/**
 * Maps access-token claims to Spring authorities, in this one place: each permission becomes an
 * authority of the same name, each role an authority {@code ROLE_<name>}.
 */
final class AccessTokenAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String ROLE_PREFIX = "ROLE_";

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
