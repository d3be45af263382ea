package dev.gatehouse.starter.app;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.GatehouseUser;

/** Permits a request only when the path variable {@code ownerId} is the user's own id. */
@Component
class OwnerPolicy implements GatehousePolicy {

    @Override
    public boolean permits(GatehouseUser user, HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
            return false;
        }
        return user.id().toString().equals(variables.get("ownerId"));
    }
}
