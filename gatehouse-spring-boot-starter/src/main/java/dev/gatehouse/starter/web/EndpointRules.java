package dev.gatehouse.starter.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

import dev.gatehouse.starter.CurrentUser;
import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.Permissions;
import dev.gatehouse.starter.Policy;
import dev.gatehouse.starter.Public;
import dev.gatehouse.starter.Roles;
import dev.gatehouse.starter.web.EndpointRule.PermissionRequirement;
import dev.gatehouse.starter.web.EndpointRule.PolicyRequirement;
import dev.gatehouse.starter.web.EndpointRule.Requirement;
import dev.gatehouse.starter.web.EndpointRule.RoleRequirement;

/**
 * Reads the access rule of each handler method from its annotations and those of its class, once, and
 * keeps it. A contradictory or incomplete rule is an {@link InvalidEndpointRuleException}, raised at start-up
 * by {@link EndpointRulesVerifier}.
 */
public final class EndpointRules {

    private final BeanFactory beanFactory;
    /** Keyed by bean type and method, because an inherited method takes the annotations of each subclass. */
    private final Map<HandlerKey, EndpointRule> rules = new ConcurrentHashMap<>();

    public EndpointRules(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    EndpointRule ruleOf(HandlerMethod handler) {
        HandlerKey key = new HandlerKey(ClassUtils.getUserClass(handler.getBeanType()), handler.getMethod());
        return rules.computeIfAbsent(key, ignored -> read(handler));
    }

    private record HandlerKey(Class<?> type, Method method) {
    }

    private EndpointRule read(HandlerMethod handler) {
        Class<?> type = ClassUtils.getUserClass(handler.getBeanType());
        Method method = handler.getMethod();
        String name = type.getName() + "." + method.getName();

        boolean isPublic = AnnotatedElementUtils.hasAnnotation(type, Public.class)
                || AnnotatedElementUtils.hasAnnotation(method, Public.class);
        List<Requirement> requirements = new ArrayList<>();
        requirements.addAll(requirementsOf(type, name));
        requirements.addAll(requirementsOf(method, name));
        if (isPublic && !requirements.isEmpty()) {
            throw new InvalidEndpointRuleException(name + " is @Public but also has @Roles, @Permissions or @Policy "
                    + "on the method or its class. Remove @Public, or the requirements, or move the method to a class "
                    + "without requirements.");
        }
        return new EndpointRule(isPublic, requiresUser(handler), requirements);
    }

    private List<Requirement> requirementsOf(AnnotatedElement element, String name) {
        List<Requirement> requirements = new ArrayList<>();

        Roles roles = AnnotatedElementUtils.findMergedAnnotation(element, Roles.class);
        if (roles != null) {
            requirements.add(new RoleRequirement(names(roles.value(), "@Roles", name)));
        }

        Permissions permissions = AnnotatedElementUtils.findMergedAnnotation(element, Permissions.class);
        if (permissions != null) {
            if (permissions.value().length == 0 && permissions.anyOf().length == 0) {
                throw new InvalidEndpointRuleException("@Permissions on " + name + " names no permission; set value "
                        + "(all of) or anyOf (any of)");
            }
            requirements.add(new PermissionRequirement(names(permissions.value(), "@Permissions", name),
                    names(permissions.anyOf(), "@Permissions(anyOf)", name)));
        }

        Policy policy = AnnotatedElementUtils.findMergedAnnotation(element, Policy.class);
        if (policy != null) {
            if (policy.value().length == 0) {
                throw new InvalidEndpointRuleException("@Policy on " + name + " names no policy class");
            }
            requirements.add(new PolicyRequirement(Arrays.stream(policy.value()).map(type -> policyBean(type, name))
                    .toList()));
        }
        return requirements;
    }

    private static Set<String> names(String[] values, String annotation, String name) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            if (value.isBlank()) {
                throw new InvalidEndpointRuleException(annotation + " on " + name + " contains a blank name");
            }
            names.add(value);
        }
        if (names.isEmpty() && annotation.equals("@Roles")) {
            throw new InvalidEndpointRuleException("@Roles on " + name + " names no role");
        }
        return names;
    }

    private GatehousePolicy policyBean(Class<? extends GatehousePolicy> type, String name) {
        try {
            return beanFactory.getBean(type);
        } catch (NoSuchBeanDefinitionException missing) {
            throw new InvalidEndpointRuleException("@Policy(" + type.getSimpleName() + ".class) on " + name
                    + " needs exactly one bean of type " + type.getName() + ": " + missing.getMessage(), missing);
        }
    }

    private static boolean requiresUser(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            CurrentUser currentUser = parameter.getParameterAnnotation(CurrentUser.class);
            if (currentUser != null && currentUser.required()) {
                return true;
            }
        }
        return false;
    }
}
