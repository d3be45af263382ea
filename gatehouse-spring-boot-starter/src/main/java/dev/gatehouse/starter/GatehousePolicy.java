package dev.gatehouse.starter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A custom access rule, named on endpoints with {@link Policy}. Implementations are Spring beans and are
 * looked up by type. They run after the endpoint's role and permission checks passed, before the handler
 * method, so path variables are available through {@code HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE}
 * and the request body is not yet read.
 */
@FunctionalInterface
public interface GatehousePolicy {

    /**
     * Decides whether the user may make the request. Returning {@code false} rejects it with 403
     * {@code policy_denied}; an exception rejects it too (fail closed) and is logged.
     */
    boolean permits(GatehouseUser user, HttpServletRequest request);
}
