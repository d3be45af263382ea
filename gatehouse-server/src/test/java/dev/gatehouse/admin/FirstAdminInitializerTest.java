package dev.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.UUID;

import dev.gatehouse.account.Account;
import dev.gatehouse.account.AccountService;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.error.InvalidRequestException;
import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
    "gatehouse.admin.email=" + FirstAdminInitializerTest.CONFIGURED_EMAIL,
    "gatehouse.admin.password=" + FirstAdminInitializerTest.CONFIGURED_PASSWORD,
})
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminInitializerTest extends IntegrationTest {

    static final String CONFIGURED_EMAIL = "First.Admin@Example.TEST";
    static final String CONFIGURED_PASSWORD = "first admin password";

    @Autowired
    private FirstAdminInitializer initializer;

    @Autowired
    private AccountService accounts;

    @Autowired
    private AuthorizationService authorization;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void runWhenConfiguredThenAdminCreated() {
        Account admin = accounts.findByEmail(CONFIGURED_EMAIL).orElseThrow();

        assertThat(admin.email()).isEqualTo("first.admin@example.test");
        assertThat(authorization.authoritiesOf(admin.id()).roles()).containsExactly(Permissions.ADMIN_ROLE);
        assertThat(accounts.authenticate(CONFIGURED_EMAIL, CONFIGURED_PASSWORD)).contains(admin);
    }

    @Test
    void runWhenRunAgainThenSameUserOnly() {
        Account before = accounts.findByEmail(CONFIGURED_EMAIL).orElseThrow();

        initializer.run(new DefaultApplicationArguments());
        initializer.run(new DefaultApplicationArguments());

        assertThat(accounts.findByEmail(CONFIGURED_EMAIL)).contains(before);
        assertThat(jdbc.sql("select count(*) from users where email = :email")
                .param("email", "first.admin@example.test")
                .query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void createFirstAdminThenLogsNoPassword(CapturedOutput output) {
        String email = uniqueEmail();
        String password = "logged-never-" + UUID.randomUUID();

        initializer.createFirstAdmin(email, password);

        Account admin = accounts.findByEmail(email).orElseThrow();
        assertThat(authorization.authoritiesOf(admin.id()).roles()).containsExactly(Permissions.ADMIN_ROLE);
        assertThat(output.getAll()).contains(admin.id().toString());
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void createFirstAdminWhenPasswordShortThenFails() {
        String email = uniqueEmail();

        assertThatIllegalStateException()
                .isThrownBy(() -> initializer.createFirstAdmin(email, "short"))
                .havingCause()
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        cause -> assertThat(cause.code()).isEqualTo("invalid_password"));

        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void createFirstAdminWhenEmailMalformedThenFails() {
        assertThatIllegalStateException()
                .isThrownBy(() -> initializer.createFirstAdmin("not-an-email", CONFIGURED_PASSWORD))
                .havingCause()
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        cause -> assertThat(cause.code()).isEqualTo("invalid_email"));
    }

    @Test
    void createFirstAdminWhenOnlyEmailThenSkipped() {
        String email = uniqueEmail();

        initializer.createFirstAdmin(email, null);
        initializer.createFirstAdmin(email, " ");

        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void createFirstAdminWhenUserExistsThenUnchanged() {
        Account existing = accounts.signUp(uniqueEmail(), CONFIGURED_PASSWORD);

        initializer.createFirstAdmin(existing.email(), "another admin password");

        assertThat(authorization.authoritiesOf(existing.id()).roles()).isEmpty();
        assertThat(accounts.authenticate(existing.email(), CONFIGURED_PASSWORD)).contains(existing);
    }

    private static String uniqueEmail() {
        return "first-admin-" + UUID.randomUUID() + "@example.test";
    }
}
