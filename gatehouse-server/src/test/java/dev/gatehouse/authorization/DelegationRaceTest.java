package dev.gatehouse.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.gatehouse.account.AccountService;
import dev.gatehouse.error.ForbiddenException;
import dev.gatehouse.support.IntegrationTest;

/**
 * An administrator's revocation must survive a concurrent no-op request from a user who may not grant
 * admin: that request may not check stale grants and then write them back over the revocation.
 */
class DelegationRaceTest extends IntegrationTest {

    private static final int ROUNDS = 20;

    @Autowired
    AccountService accounts;

    @Autowired
    AuthorizationService authorization;

    @Test
    void replaceRolesAsWhenRacingRevocationThenRevocationWins() throws Exception {
        UUID admin = newUser();
        authorization.replaceRoles(admin, Set.of(Permissions.ADMIN_ROLE));
        UUID assigner = newUser();
        authorization.replacePermissions(assigner, Set.of(Permissions.ROLES_ASSIGN));
        UUID target = newUser();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                authorization.replaceRoles(target, Set.of(Permissions.ADMIN_ROLE));
                CountDownLatch gate = new CountDownLatch(1);

                Future<?> keep = executor.submit(() -> {
                    gate.await();
                    try {
                        authorization.replaceRolesAs(assigner, target, Set.of(Permissions.ADMIN_ROLE));
                    } catch (ForbiddenException rejected) {
                        // Expected when the revocation committed first.
                    }
                    return null;
                });
                Future<?> revoke = executor.submit(() -> {
                    gate.await();
                    return authorization.replaceRolesAs(admin, target, Set.of());
                });
                gate.countDown();
                keep.get(30, TimeUnit.SECONDS);
                revoke.get(30, TimeUnit.SECONDS);

                assertThat(authorization.authoritiesOf(target).roles()).as("roles after round %d", round).isEmpty();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private UUID newUser() {
        return accounts.signUp("race-" + UUID.randomUUID() + "@example.com", "correct horse battery").id();
    }
}
