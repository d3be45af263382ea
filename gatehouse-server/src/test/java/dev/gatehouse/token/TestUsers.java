package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Creates users and obtains their tokens through the public HTTP API, as a client would. Every user
 * gets a random email, so tests never collide in the schema that all test classes of a JVM share.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** Signs up a new user with a random email and password through {@code POST /authentication/sign-up}. */
    public static Account signUp(MockMvcTester mvc) {
        String email = "user-" + UUID.randomUUID() + "@example.test";
        String password = "password-" + UUID.randomUUID();
        MvcTestResult result = mvc.post().uri("/authentication/sign-up")
                .contentType(MediaType.APPLICATION_JSON)
                .content(credentialsJson(email, password))
                .exchange();
        assertThat(result).as("sign-up of a new user").hasStatus(HttpStatus.CREATED);

        String id = JsonPath.read(body(result), "$.id");
        return new Account(UUID.fromString(id), email, password);
    }

    /** Signs the user in through {@code POST /authentication/sign-in}, starting a new session. */
    public static Tokens signIn(MockMvcTester mvc, Account account) {
        MvcTestResult result = mvc.post().uri("/authentication/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .content(credentialsJson(account.email(), account.password()))
                .exchange();
        assertThat(result).as("sign-in of user %s", account.id()).hasStatus(HttpStatus.OK);
        return tokens(result);
    }

    /** Signs up a new user and signs it in. */
    public static Tokens signUpAndSignIn(MockMvcTester mvc) {
        return signIn(mvc, signUp(mvc));
    }

    /** Sends {@code POST /authentication/refresh-tokens} and returns the raw result, whatever its status. */
    public static MvcTestResult refresh(MockMvcTester mvc, String refreshToken) {
        return mvc.post().uri("/authentication/refresh-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(refreshTokenJson(refreshToken))
                .exchange();
    }

    /** Sends {@code POST /authentication/sign-out} and returns the raw result, whatever its status. */
    public static MvcTestResult signOut(MockMvcTester mvc, String refreshToken) {
        return mvc.post().uri("/authentication/sign-out")
                .contentType(MediaType.APPLICATION_JSON)
                .content(refreshTokenJson(refreshToken))
                .exchange();
    }

    /** Sends {@code GET /users/me} with the token as a bearer credential. */
    public static MvcTestResult currentUser(MockMvcTester mvc, String accessToken) {
        return mvc.get().uri("/users/me").header("Authorization", "Bearer " + accessToken).exchange();
    }

    /** Reads the token pair from a successful sign-in or refresh response. */
    public static Tokens tokens(MvcTestResult result) {
        String body = body(result);
        return new Tokens(JsonPath.read(body, "$.accessToken"), JsonPath.read(body, "$.refreshToken"));
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException exception) {
            throw new IllegalStateException("The response body is not readable as text", exception);
        }
    }

    // Emails and passwords here are generated from UUIDs, so they never need JSON escaping.
    private static String credentialsJson(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String refreshTokenJson(String refreshToken) {
        return "{\"refreshToken\":\"" + refreshToken + "\"}";
    }

    /**
     * A user created for one test.
     *
     * @param password the clear-text password, kept so the test can sign in and check it is never logged
     */
    public record Account(UUID id, String email, String password) {

        @Override
        public String toString() {
            return "Account[id=" + id + ", email=" + email + ", password=[redacted]]";
        }
    }

    /**
     * The token pair of a sign-in or refresh.
     *
     * @param refreshToken {@code <session id>.<generation>.<secret>}
     */
    public record Tokens(String accessToken, String refreshToken) {

        /** Returns the session id, the first part of the refresh token. */
        public String sessionId() {
            return refreshToken.substring(0, refreshToken.indexOf('.'));
        }

        /** Returns the secret, the last part of the refresh token. */
        public String refreshSecret() {
            return refreshToken.substring(refreshToken.lastIndexOf('.') + 1);
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=[redacted], refreshToken=[redacted]]";
        }
    }
}
