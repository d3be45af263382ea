package dev.gatehouse.starter.app;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.GatehouseUser;

/** Permits a request only when it carries the header {@code X-Shift: open}, in place of a time-based rule. */
@Component
class WorkingHoursPolicy implements GatehousePolicy {

    @Override
    public boolean permits(GatehouseUser user, HttpServletRequest request) {
        return "open".equals(request.getHeader("X-Shift"));
    }
}
