package dev.gatehouse.starter.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Reads the rule of every controller method once all beans exist, so that a contradictory annotation or
 * a missing policy bean fails the application start with every such problem listed, not the first request.
 */
public final class EndpointRulesVerifier implements SmartInitializingSingleton {

    private final ListableBeanFactory beanFactory;
    private final EndpointRules rules;

    public EndpointRulesVerifier(ListableBeanFactory beanFactory, EndpointRules rules) {
        this.beanFactory = beanFactory;
        this.rules = rules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : beanFactory.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
                try {
                    rules.ruleOf(handler);
                } catch (InvalidEndpointRuleException invalid) {
                    problems.add(invalid.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEndpointRuleException("Invalid Gatehouse endpoint annotations:\n - "
                    + String.join("\n - ", problems));
        }
    }
}
