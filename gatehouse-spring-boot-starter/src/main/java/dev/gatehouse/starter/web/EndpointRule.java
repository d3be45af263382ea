package dev.gatehouse.starter.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.gatehouse.starter.GatehouseErrorCodes;
import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.GatehouseUser;

/**
 * The access rule of one handler method: public, or a user plus every requirement of the class and then
 * of the method.
 *
 * @param isPublic whether the endpoint is {@code @Public}
 * @param requiresUser whether a parameter is {@code @CurrentUser} with {@code required = true}, which makes
 *        even a public endpoint need a user
 * @param requirements checks in order: the class's roles, permissions and policies, then the method's
 */
record EndpointRule(boolean isPublic, boolean requiresUser, List<Requirement> requirements) {

    /** The rule of handlers without annotations, and of handlers that are not controller methods. */
    static final EndpointRule AUTHENTICATED = new EndpointRule(false, true, List.of());

    EndpointRule {
        requirements = List.copyOf(requirements);
    }

    boolean needsUser() {
        return !isPublic || requiresUser;
    }

    /** Returns the first requirement the user does not meet, or {@code null} when all are met. */
    @Nullable Requirement firstUnmet(GatehouseUser user, HttpServletRequest request) {
        for (Requirement requirement : requirements) {
            if (!requirement.isMetBy(user, request)) {
                return requirement;
            }
        }
        return null;
    }

    /** One annotation on the class or the method. */
    sealed interface Requirement {

        boolean isMetBy(GatehouseUser user, HttpServletRequest request);

        /** The {@code code} of the 403 problem when the requirement is not met. */
        String errorCode();

        /** The {@code detail} of the 403 problem, safe to show to the caller. */
        String detail();
    }

    /** {@code @Roles}: at least one of the roles. */
    record RoleRequirement(Set<String> anyOf) implements Requirement {

        @Override
        public boolean isMetBy(GatehouseUser user, HttpServletRequest request) {
            return anyOf.stream().anyMatch(user::hasRole);
        }

        @Override
        public String errorCode() {
            return GatehouseErrorCodes.INSUFFICIENT_ROLE;
        }

        @Override
        public String detail() {
            return "This endpoint requires one of the roles " + anyOf + ".";
        }
    }

    /** {@code @Permissions}: all of {@code allOf} and, if it is not empty, at least one of {@code anyOf}. */
    record PermissionRequirement(Set<String> allOf, Set<String> anyOf) implements Requirement {

        @Override
        public boolean isMetBy(GatehouseUser user, HttpServletRequest request) {
            return allOf.stream().allMatch(user::hasPermission)
                    && (anyOf.isEmpty() || anyOf.stream().anyMatch(user::hasPermission));
        }

        @Override
        public String errorCode() {
            return GatehouseErrorCodes.INSUFFICIENT_PERMISSION;
        }

        @Override
        public String detail() {
            if (anyOf.isEmpty()) {
                return "This endpoint requires all of the permissions " + allOf + ".";
            }
            if (allOf.isEmpty()) {
                return "This endpoint requires one of the permissions " + anyOf + ".";
            }
            return "This endpoint requires all of the permissions " + allOf + " and one of " + anyOf + ".";
        }
    }

    /** {@code @Policy}: every named policy permits the request. */
    record PolicyRequirement(List<GatehousePolicy> policies) implements Requirement {

        @Override
        public boolean isMetBy(GatehouseUser user, HttpServletRequest request) {
            for (GatehousePolicy policy : policies) {
                if (!permits(policy, user, request)) {
                    return false;
                }
            }
            return true;
        }

        /** Treats a policy that throws as one that rejects, so a bug in a policy fails closed. */
        private static boolean permits(GatehousePolicy policy, GatehouseUser user, HttpServletRequest request) {
            try {
                return policy.permits(user, request);
            } catch (RuntimeException exception) {
                LoggerFactory.getLogger(PolicyRequirement.class).warn("Policy {} failed for user {} on {} {}; "
                        + "rejecting the request", policy.getClass().getName(), user.id(), request.getMethod(),
                        request.getRequestURI(), exception);
                return false;
            }
        }

        @Override
        public String errorCode() {
            return GatehouseErrorCodes.POLICY_DENIED;
        }

        @Override
        public String detail() {
            return "An access policy of this endpoint does not permit the request.";
        }
    }
}
