package dev.gatehouse.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;


import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls Gatehouse's HTTP API through MockMvc the way a client would, for tests. */
public final class GatehouseClient {

    public static final String PASSWORD = "correct horse battery staple";

    private final MockMvc mvc;

    public GatehouseClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A fresh email address, so tests sharing one database never collide. */
    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public UUID signUp(String email) throws Exception {
        MvcResult result = postJson("/authentication/sign-up", credentials(email, PASSWORD));
        if (result.getResponse().getStatus() != 201) {
            throw new IllegalStateException("Sign-up failed with " + result.getResponse().getStatus());
        }
        return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
    }

    public Tokens signIn(String email) throws Exception {
        MvcResult result = postJson("/authentication/sign-in", credentials(email, PASSWORD));
        return Tokens.from(result);
    }

    /** Signs up a new user and signs them in. */
    public Tokens newSignedInUser() throws Exception {
        String email = uniqueEmail();
        signUp(email);
        return signIn(email);
    }

    public MvcResult refresh(String refreshToken) throws Exception {
        return postJson("/authentication/refresh-tokens", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    public MvcResult signOut(String refreshToken) throws Exception {
        return postJson("/authentication/sign-out", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    public MvcResult getWithBearer(String path, String accessToken) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)).andReturn();
    }

    public MvcResult postJson(String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /** The token pair of a successful sign-in or refresh. */
    public record Tokens(String accessToken, String refreshToken) {

        public static Tokens from(MvcResult result) throws Exception {
            int status = result.getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("Expected 200 with tokens but got " + status);
            }
            String body = result.getResponse().getContentAsString();
            return new Tokens(JsonPath.read(body, "$.accessToken"), JsonPath.read(body, "$.refreshToken"));
        }

        @Override
        public String toString() {
            return "Tokens[redacted]";
        }
    }
}
