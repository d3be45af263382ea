package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.gatehouse.support.GatehouseClient;
import dev.gatehouse.support.GatehouseClient.Tokens;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;

/** Unusual but legitimate or hostile requests that once produced a 500, leaked data or spent a token. */
@ExtendWith(OutputCaptureExtension.class)
class RequestEdgeCasesTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    GatehouseClient client;

    @BeforeEach
    void createClient() {
        client = new GatehouseClient(mvc);
    }

    @Test
    void signInWhenUserAgentHasUtf8BytesThenSucceeds() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        client.signUp(email);
        // "Bob’s iPhone" in UTF-8, as Tomcat decodes header bytes: ISO-8859-1, including C1 characters.
        String userAgent = "Bob\u00e2\u0080\u0099s iPhone";

        MvcResult result = mvc.perform(post("/authentication/sign-in")
                        .header(HttpHeaders.USER_AGENT, userAgent)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(credentials(email)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String sessions = client.getWithBearer("/sessions", Tokens.from(result).accessToken()).getResponse().getContentAsString();
        List<String> agents = JsonPath.read(sessions, "$[*].userAgent");
        assertThat(agents).containsExactly("Bob\u2019s iPhone");
    }

    @Test
    void signInWhenUserAgentHasControlCharacterThenBadRequest() throws Exception {
        String email = GatehouseClient.uniqueEmail();
        client.signUp(email);

        MvcResult result = mvc.perform(post("/authentication/sign-in")
                        .header(HttpHeaders.USER_AGENT, "evil\u0001agent")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(credentials(email)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(code(result)).isEqualTo("invalid_request");
    }

    @Test
    void signInWhenFormBodyThenUnsupportedAndNotLogged(CapturedOutput output) throws Exception {
        String password = "form-secret-" + System.nanoTime();

        MvcResult result = mvc.perform(post("/authentication/sign-in")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("{\"email\":\"a@b.c\",\n\"password\":\"" + password + "\"}\n"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(415);
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void refreshWhenClientAcceptsOnlyXmlThenNotAcceptableAndTokenUnspent() throws Exception {
        Tokens tokens = client.newSignedInUser();

        MvcResult result = mvc.perform(post("/authentication/refresh-tokens")
                        .accept(MediaType.APPLICATION_XML)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refreshToken\":\"" + tokens.refreshToken() + "\"}"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(406);
        clock.advance(Duration.ofSeconds(11));
        assertThat(client.refresh(tokens.refreshToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void refreshWhenGenerationHasLeadingZeroThenInvalidGrant() throws Exception {
        Tokens tokens = client.newSignedInUser();
        String padded = tokens.refreshToken().replaceFirst("\\.0\\.", ".00.");

        MvcResult result = client.refresh(padded);

        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(result)).isEqualTo("invalid_grant");
    }

    @Test
    void errorPathWhenRequestedDirectlyThenNotFound() throws Exception {
        MvcResult result = mvc.perform(get("/error")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(code(result)).isEqualTo("not_found");
    }

    @Test
    void signInWhenContentTypeMissingThenDetailNamesTheFix() throws Exception {
        MvcResult result = mvc.perform(post("/authentication/sign-in").content("{}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(415);
        assertThat(code(result)).isEqualTo("unsupported_media_type");
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.detail"))
                .contains("Content-Type: application/json");
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + GatehouseClient.PASSWORD + "\"}";
    }

    private static String code(MvcResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.code");
    }
}
