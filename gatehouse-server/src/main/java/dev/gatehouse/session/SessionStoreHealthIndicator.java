package dev.gatehouse.session;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the session store in {@code /actuator/health} as {@code sessionStore}: DOWN while Redis
 * cannot be reached, so a load balancer stops routing to an instance that can only return 503.
 */
@Component("sessionStore")
class SessionStoreHealthIndicator implements HealthIndicator {

    private final SessionStore store;

    SessionStoreHealthIndicator(SessionStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.warmUp();
            return Health.up().build();
        } catch (SessionStoreUnavailableException unavailable) {
            return Health.down().build();
        }
    }
}
