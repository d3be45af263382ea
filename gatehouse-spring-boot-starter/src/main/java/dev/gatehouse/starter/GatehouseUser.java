package dev.gatehouse.starter;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.gatehouse.starter.token.AccessTokenClaims;

/**
 * The user of a verified Gatehouse access token, as it was when the token was issued.
 *
 * @param id the user id (the token's {@code sub} claim)
 * @param email the user's email address (the {@code email} claim), empty if the token has none
 * @param roles role names (the {@code roles} claim)
 * @param permissions effective permissions (the {@code permissions} claim)
 * @param sessionId the Gatehouse session the token belongs to (the {@code sid} claim)
 * @param clientId the OAuth client the token was issued to (the {@code client_id} claim), or
 *        {@code null} for a first-party sign-in
 */
public record GatehouseUser(UUID id, String email, Set<String> roles, Set<String> permissions, String sessionId,
        @Nullable String clientId) {

    public GatehouseUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** Reads the user from a token that the starter's decoder has verified, which checked {@code sub} and {@code sid}. */
    public static GatehouseUser from(Jwt token) {
        String email = token.getClaimAsString(AccessTokenClaims.EMAIL);
        return new GatehouseUser(UUID.fromString(token.getSubject()), email == null ? "" : email,
                Set.copyOf(claimList(token, AccessTokenClaims.ROLES)),
                Set.copyOf(claimList(token, AccessTokenClaims.PERMISSIONS)),
                token.getClaimAsString(AccessTokenClaims.SESSION_ID),
                token.getClaimAsString(AccessTokenClaims.CLIENT_ID));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    private static List<String> claimList(Jwt token, String claim) {
        List<String> values = token.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }
}
