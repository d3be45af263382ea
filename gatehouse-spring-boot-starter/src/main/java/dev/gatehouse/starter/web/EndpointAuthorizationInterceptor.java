package dev.gatehouse.starter.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.gatehouse.starter.GatehouseUser;
import dev.gatehouse.starter.web.EndpointRule.Requirement;

/**
 * Enforces the endpoint annotations before the handler runs, and writes the 401 or 403 problem itself.
 * It is registered as a {@code MappedInterceptor} bean, which every Spring MVC handler mapping picks up,
 * actuator endpoints included. Handlers that are not controller methods (static resources, view
 * controllers, the fallback for unknown paths) need a user too. Only the container's error dispatch is
 * let through, because it renders an error for a request that was already checked or rejected, and so
 * are CORS preflight requests, which Spring MVC answers from the CORS configuration alone. A request whose
 * path matches {@code gatehouse.public-paths} is treated like a {@code @Public} endpoint.
 */
public final class EndpointAuthorizationInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(EndpointAuthorizationInterceptor.class);

    private final EndpointRules rules;
    private final PublicPaths publicPaths;

    public EndpointAuthorizationInterceptor(EndpointRules rules, PublicPaths publicPaths) {
        this.rules = rules;
        this.publicPaths = publicPaths;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (request.getDispatcherType() == DispatcherType.ERROR || CorsUtils.isPreFlightRequest(request)) {
            // A CORS preflight carries no token by definition (Fetch standard) and runs no handler.
            return true;
        }
        GatehouseUser user = request.getAttribute(BearerTokenFilter.USER_ATTRIBUTE) instanceof GatehouseUser found
                ? found : null;
        if (publicPaths.matches(request)) {
            // BearerTokenFilter has already rejected an invalid token, as it does for a @Public endpoint.
            return allowOnPublicPath(request, response, handler, user);
        }
        EndpointRule rule = handler instanceof HandlerMethod method ? rules.ruleOf(method) : EndpointRule.AUTHENTICATED;

        if (user == null) {
            if (rule.needsUser()) {
                log.debug("Rejected {} {} without an access token", request.getMethod(), request.getRequestURI());
                ProblemResponses.unauthenticated(response);
                return false;
            }
            return true;
        }

        Requirement unmet = rule.firstUnmet(user, request);
        if (unmet != null) {
            log.debug("Rejected {} {} for user {} of session {}: {}", request.getMethod(), request.getRequestURI(),
                    user.id(), user.sessionId(), unmet.errorCode());
            ProblemResponses.forbidden(response, unmet.errorCode(), unmet.detail());
            return false;
        }
        return true;
    }

    /**
     * Lets a request on a public path through without checking the annotations, unless the handler has a
     * required {@code @CurrentUser} parameter and no user is known, because that parameter cannot be bound.
     */
    private boolean allowOnPublicPath(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable GatehouseUser user) throws IOException {
        if (user == null && handler instanceof HandlerMethod method && rules.ruleOf(method).requiresUser()) {
            log.debug("Rejected {} {} on a public path without an access token: the handler needs @CurrentUser",
                    request.getMethod(), request.getRequestURI());
            ProblemResponses.unauthenticated(response);
            return false;
        }
        return true;
    }
}
