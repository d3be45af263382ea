package dev.gatehouse.account;

import java.time.Instant;
import java.util.UUID;

/** A user account as other features see it. It never carries the password hash. */
public record Account(UUID id, String email, Instant createdAt) {
}
