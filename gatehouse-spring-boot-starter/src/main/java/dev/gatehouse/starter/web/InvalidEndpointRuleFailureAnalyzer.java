package dev.gatehouse.starter.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports contradictory endpoint annotations in Spring Boot's "APPLICATION FAILED TO START" block, without a stack trace. */
public final class InvalidEndpointRuleFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEndpointRuleException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidEndpointRuleException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the Gatehouse annotations (@Public, @Roles, @Permissions, @Policy) of the endpoints listed above, "
                        + "or define the missing policy beans.",
                cause);
    }
}
