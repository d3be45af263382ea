package com.example.coffees;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.GatehouseUser;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Permits a request on {@code /coffees/{id}} only to the user who created that coffee. A missing or
 * malformed id, or an unknown coffee, is left to the handler, which rejects it with 400 or 404, because
 * there is no coffee to protect.
 */
@Component
class CoffeeCreatorPolicy implements GatehousePolicy {

    private final CoffeeRepository coffees;

    CoffeeCreatorPolicy(CoffeeRepository coffees) {
        this.coffees = coffees;
    }

    @Override
    public boolean permits(GatehouseUser user, HttpServletRequest request) {
        Long id = coffeeId(request);
        if (id == null) {
            return true;
        }

        return coffees.findById(id).map(coffee -> coffee.createdBy().equals(user.id())).orElse(true);
    }

    private static @Nullable Long coffeeId(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id)) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
