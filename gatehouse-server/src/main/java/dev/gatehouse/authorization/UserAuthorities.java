package dev.gatehouse.authorization;

/**
 * The email of a user with the user's roles and effective permissions: what an access token states
 * about its subject.
 */
public record UserAuthorities(String email, Authorities authorities) {
}
