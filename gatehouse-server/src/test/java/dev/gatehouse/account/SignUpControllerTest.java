package dev.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import dev.gatehouse.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

class SignUpControllerTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AccountService accounts;

    @Test
    void signUpWhenValidThenEmailNormalised() throws Exception {
        String localPart = "Alice-" + UUID.randomUUID();

        signUp("  " + localPart + "@Example.TEST ", "correct horse battery")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.email").value(localPart.toLowerCase() + "@example.test"))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());

        assertThat(accounts.findByEmail(localPart + "@example.test")).isPresent();
    }

    @Test
    void signUpWhenCaseDiffersThenEmailTaken() throws Exception {
        String email = uniqueEmail();
        signUp(email, "correct horse battery").andExpect(status().isCreated());

        signUp(email.toUpperCase(), "another password")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("email_taken"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "short",
        "ünïcödé",
        // Seven code points outside the Basic Multilingual Plane: 14 UTF-16 chars, still too short.
        "🔑🔑🔑🔑🔑🔑🔑",
    })
    void signUpWhenPasswordTooShortThenInvalid(String password) throws Exception {
        signUp(uniqueEmail(), password)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "ünïcödéß", "🔑🔑🔑🔑🔑🔑🔑🔑", "пароль12"})
    void signUpWhenEightCodePointsThenCreated(String password) throws Exception {
        signUp(uniqueEmail(), password).andExpect(status().isCreated());
    }

    @Test
    void signUpWhen128CodePointsThenCreated() throws Exception {
        signUp(uniqueEmail(), "🔑".repeat(64) + "é".repeat(64)).andExpect(status().isCreated());
    }

    @Test
    void signUpWhen129CodePointsThenInvalid() throws Exception {
        signUp(uniqueEmail(), "🔑".repeat(64) + "é".repeat(65))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no-at-sign.example.test",
        "@example.test",
        "local@",
        "two@at@example.test",
        "with space@example.test",
        "tab\tinside@example.test",
        "   ",
    })
    void signUpWhenEmailMalformedThenInvalid(String email) throws Exception {
        signUp(email, "correct horse battery")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u007f"})
    void signUpWhenEmailHasControlCharacterThenInvalid(String control) throws Exception {
        signUp("sign-up-" + UUID.randomUUID() + control + "@example.test", "correct horse battery")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "\\udc00\\ud800"})
    void signUpWhenEmailHasUnpairedSurrogateThenInvalid(String escapedSurrogates) throws Exception {
        // The body keeps the JSON escapes, so the server's parser decodes them into unpaired surrogates.
        String localPart = "sign-up-" + UUID.randomUUID();

        signUpJson("{\"email\":\"" + localPart + escapedSurrogates + "@example.test\","
                + "\"password\":\"correct horse battery\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_email"));

        assertThat(accounts.findByEmail(localPart + "?@example.test")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\\ud800word-long", "pass\\udc00word-long", "password-long\\ud800",
        "\\udc00\\ud800password"})
    void signUpWhenPasswordHasUnpairedSurrogateThenInvalid(String escapedPassword) throws Exception {
        signUpJson("{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + escapedPassword + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_password"));
    }

    @Test
    void signUpWhenEmailMaxLengthThenCreated() throws Exception {
        String domain = "@example.test";
        String localPart = UUID.randomUUID() + "x".repeat(254 - 36 - domain.length());

        signUp(localPart + domain, "correct horse battery").andExpect(status().isCreated());
    }

    @Test
    void signUpWhenEmailTooLongThenInvalid() throws Exception {
        String domain = "@example.test";
        String localPart = UUID.randomUUID() + "x".repeat(255 - 36 - domain.length());

        signUp(localPart + domain, "correct horse battery")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_email"));
    }

    @Test
    void signUpWhenPasswordMissingThenInvalidRequest() throws Exception {
        mvc.perform(post("/authentication/sign-up")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", uniqueEmail()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void signUpWhenEmailMissingThenInvalidRequest() throws Exception {
        mvc.perform(post("/authentication/sign-up")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"correct horse battery\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_request"));
    }

    @Test
    void signUpWhenJsonMalformedThenMalformedRequest() throws Exception {
        mvc.perform(post("/authentication/sign-up")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"a@example.test\", \"password\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_request"));
    }

    @Test
    void signUpWhenFailedThenBodyOmitsPassword() throws Exception {
        String password = "secret-" + UUID.randomUUID();

        String body = signUp("not-an-email", password)
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain(password);
    }

    @Test
    void signUpRequestToStringThenPasswordRedacted() {
        var request = new SignUpController.SignUpRequest("a@example.test", "correct horse battery");

        assertThat(request.toString()).doesNotContain("correct horse battery").contains("[redacted]");
    }

    private ResultActions signUp(String email, String password) throws Exception {
        return mvc.perform(post("/authentication/sign-up")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", password))));
    }

    private ResultActions signUpJson(String body) throws Exception {
        return mvc.perform(post("/authentication/sign-up").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String uniqueEmail() {
        return "sign-up-" + UUID.randomUUID() + "@example.test";
    }
}
