package com.example.coffees;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.GatehouseUser;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Permits a request on {@code /coffees/{id}} only to the user who created that coffee, and denies it
 * whenever that cannot be shown: a missing id, an id that does not convert, or an unknown coffee.
 *
 * <p>The id is converted by Spring MVC's own conversion service, the one that binds the handler's
 * {@code @PathVariable long id}, so the policy checks exactly the coffee the handler changes. That service
 * trims whitespace and reads hexadecimal ({@code 0x1}, {@code #1}), so a stricter parse here such as
 * {@link Long#parseLong} would see a different id, or none, for the same path. Denying an unknown coffee
 * also closes the race in which the coffee with the next id is created between this check and the handler.
 */
@Component
class CoffeeCreatorPolicy implements GatehousePolicy {

    private final CoffeeRepository coffees;
    private final ConversionService conversions;

    CoffeeCreatorPolicy(CoffeeRepository coffees, @Qualifier("mvcConversionService") ConversionService conversions) {
        this.coffees = coffees;
        this.conversions = conversions;
    }

    @Override
    public boolean permits(GatehouseUser user, HttpServletRequest request) {
        Long id = coffeeId(request);
        if (id == null) {
            return false;
        }

        return coffees.findById(id).map(coffee -> coffee.createdBy().equals(user.id())).orElse(false);
    }

    /** Returns the {@code id} path variable as the handler will receive it, or null when it cannot be read. */
    private @Nullable Long coffeeId(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id)) {
            return null;
        }
        try {
            return conversions.convert(id, Long.class);
        } catch (ConversionException unreadable) {
            return null;
        }
    }
}
