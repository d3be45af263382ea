package dev.gatehouse.admin;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.gatehouse.account.Account;
import dev.gatehouse.account.AccountService;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.error.ConflictException;
import dev.gatehouse.error.InvalidRequestException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Creates the first administrator at start-up from {@code gatehouse.admin.email} and
 * {@code gatehouse.admin.password} (environment variables {@code GATEHOUSE_ADMIN_EMAIL} and
 * {@code GATEHOUSE_ADMIN_PASSWORD}). It does nothing when either is unset or when a user with that
 * email exists, so restarts never create a second account or change an existing one. Values that
 * sign-up would reject stop the start-up.
 */
@Component
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final GatehouseProperties properties;
    private final AccountService accounts;
    private final AuthorizationService authorization;
    private final TransactionTemplate transactions;

    FirstAdminInitializer(GatehouseProperties properties, AccountService accounts, AuthorizationService authorization,
            PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.accounts = accounts;
        this.authorization = authorization;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        createFirstAdmin(properties.admin().email(), properties.admin().password());
    }

    /** Creates the administrator unless the settings are incomplete or the user exists. */
    void createFirstAdmin(@Nullable String email, @Nullable String password) {
        if (!StringUtils.hasText(email) && !StringUtils.hasText(password)) {
            return;
        }
        if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
            log.warn("Skipped creating the first administrator: set both gatehouse.admin.email and"
                    + " gatehouse.admin.password");
            return;
        }
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            log.info("First administrator exists as user {}, left unchanged", existing.get().id());
            return;
        }

        try {
            Account admin = Objects.requireNonNull(
                    transactions.execute(status -> createWithAdminRole(email, password)));
            log.info("Created first administrator as user {} with role {}", admin.id(), Permissions.ADMIN_ROLE);
        } catch (ConflictException raced) {
            log.info("First administrator was created at the same time by another Gatehouse instance");
        } catch (InvalidRequestException invalid) {
            throw new IllegalStateException("gatehouse.admin.email or gatehouse.admin.password is invalid ("
                    + invalid.code() + "): " + invalid.getMessage(), invalid);
        }
    }

    private Account createWithAdminRole(String email, String password) {
        Account admin = accounts.signUp(email, password);
        authorization.replaceRoles(admin.id(), Set.of(Permissions.ADMIN_ROLE)).orElseThrow(
                () -> new IllegalStateException("User " + admin.id() + " is missing right after its insert"));
        return admin;
    }
}
