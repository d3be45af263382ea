package com.example.coffees;

import java.util.Set;
import java.util.UUID;

import dev.gatehouse.starter.CurrentUser;
import dev.gatehouse.starter.GatehouseUser;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Returns the caller as {@link CurrentUser} reads it from the access token. */
@RestController
class MeController {

    @GetMapping("/me")
    Me me(@CurrentUser GatehouseUser user) {
        return new Me(user.id(), user.email(), user.roles(), user.permissions(), user.sessionId(), user.clientId());
    }

    record Me(UUID id, String email, Set<String> roles, Set<String> permissions, String sessionId,
            @Nullable String clientId) {
    }
}
