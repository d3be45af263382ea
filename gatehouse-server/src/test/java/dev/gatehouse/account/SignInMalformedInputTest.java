package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-in with emails and passwords that sign-up would reject. The request bodies are written by hand
 * so that JSON escape sequences reach the server's parser, which decodes them into NUL, control
 * characters and unpaired UTF-16 surrogates.
 */
class SignInMalformedInputTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AccountService accounts;

    private Account account;

    private String wrongPasswordBody;

    @BeforeEach
    void signUpAndRecordWrongPasswordResponse() throws Exception {
        account = accounts.signUp("sign-in-" + UUID.randomUUID() + "@example.test", PASSWORD);
        wrongPasswordBody = signIn(account.email(), "wrong password")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid_credentials"))
                .andReturn().getResponse().getContentAsString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\\ud800word-long", "pass\\udc00word-long", "password-long\\ud800",
        "\\udc00\\ud800password"})
    void signInWhenPasswordHasUnpairedSurrogateThenInvalidCredentials(String escapedPassword) throws Exception {
        assertSameAsWrongPassword(signIn(account.email(), escapedPassword).andReturn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\\ud800word-long", "password-long\\udc00"})
    void signInWhenEmailUnknownAndSurrogateThenRejected(String escapedPassword)
            throws Exception {
        String unknownEmail = "sign-in-" + UUID.randomUUID() + "@example.test";

        assertSameAsWrongPassword(signIn(unknownEmail, escapedPassword).andReturn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085"})
    void signInWhenEmailHasControlCharacterThenInvalidCredentials(String escapedControl) throws Exception {
        String[] parts = account.email().split("@");

        assertSameAsWrongPassword(signIn(parts[0] + escapedControl + "@" + parts[1], PASSWORD).andReturn());
        assertSameAsWrongPassword(signIn(account.email() + escapedControl, PASSWORD).andReturn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "\\udc00\\ud800"})
    void signInWhenEmailHasUnpairedSurrogateThenInvalidCredentials(String escapedSurrogates) throws Exception {
        String[] parts = account.email().split("@");

        assertSameAsWrongPassword(signIn(parts[0] + escapedSurrogates + "@" + parts[1], PASSWORD).andReturn());
    }

    @Test
    void signInWhenSurrogateForQuestionMarkThenRejected() throws Exception {
        String localPart = "sign-in-" + UUID.randomUUID();
        accounts.signUp(localPart + "?@example.test", PASSWORD);

        signIn(localPart + "?@example.test", PASSWORD).andExpect(status().isOk());
        assertSameAsWrongPassword(signIn(localPart + "\\ud800@example.test", PASSWORD).andReturn());
    }

    private void assertSameAsWrongPassword(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentAsString()).isEqualTo(wrongPasswordBody);
    }

    /** Posts a sign-in whose email and password are inserted into the JSON text as they are, escapes included. */
    private ResultActions signIn(String jsonEmail, String jsonPassword) throws Exception {
        String body = "{\"email\":\"" + jsonEmail + "\",\"password\":\"" + jsonPassword + "\"}";
        return mvc.perform(post("/authentication/sign-in").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
