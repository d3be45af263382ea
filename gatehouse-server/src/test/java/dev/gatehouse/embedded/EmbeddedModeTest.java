package dev.gatehouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * The embedded mode that {@code spring-boot:run} starts with no configuration: the default H2 file
 * database and the in-memory session store. Only the data directory is set, to a fresh folder under
 * {@code target}. The other tests run on PostgreSQL and Redis, so this one catches SQL that H2 rejects.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedModeTest {

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.data-directory", () -> "./target/embedded-mode-" + UUID.randomUUID());
    }

    @Test
    void signInWhenEmbeddedThenTokensIssued() {
        Account account = TestUsers.signUp(mvc);

        Tokens tokens = TestUsers.signIn(mvc, account);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void refreshWhenEmbeddedThenRotated() {
        Tokens tokens = TestUsers.signUpAndSignIn(mvc);

        MvcTestResult refreshed = TestUsers.refresh(mvc, tokens.refreshToken());

        assertThat(refreshed).hasStatus(HttpStatus.OK);
        assertThat(TestUsers.tokens(refreshed).refreshToken()).isNotEqualTo(tokens.refreshToken());
    }

    @Test
    void currentUserWhenEmbeddedThenAccountReturned() {
        Account account = TestUsers.signUp(mvc);
        Tokens tokens = TestUsers.signIn(mvc, account);

        MvcTestResult currentUser = TestUsers.currentUser(mvc, tokens.accessToken());

        assertThat(currentUser).hasStatus(HttpStatus.OK);
        assertThat(currentUser).bodyJson().extractingPath("$.email").isEqualTo(account.email());
    }
}
