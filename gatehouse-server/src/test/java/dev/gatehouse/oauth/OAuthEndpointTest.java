package dev.gatehouse.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.client.ClientService;
import dev.gatehouse.client.RegisteredClient;
import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;

/** Base of the OAuth endpoint tests: a fresh user, two confidential clients and a public one per test. */
abstract class OAuthEndpointTest extends IntegrationTest {

    static final String TOKEN = "/oauth2/token";
    static final String REVOKE = "/oauth2/revoke";
    static final String INTROSPECT = "/oauth2/introspect";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ClientService clients;

    @Autowired
    MutableClock clock;

    @Autowired
    GatehouseProperties properties;

    Account account;
    RegisteredClient confidential;
    RegisteredClient otherConfidential;
    RegisteredClient publicClient;

    @BeforeEach
    void registerUserAndClients() {
        account = TestUsers.signUp(mvc);
        confidential = clients.register("Coffee API", "confidential");
        otherConfidential = clients.register("Tea API", "confidential");
        publicClient = clients.register("Coffee SPA", "public");
    }

    /** Signs the user in through the password grant, with HTTP Basic client credentials unless null. */
    MvcTestResult passwordGrant(@Nullable String basic) {
        return OAuthForms.post(mvc, TOKEN, basic, "grant_type", "password", "username", account.email(),
                "password", account.password());
    }

    static String basic(RegisteredClient client) {
        return OAuthForms.basic(client.client().clientId(), client.secret());
    }

    static String field(MvcTestResult result, String path) throws Exception {
        assertThat(result).hasStatus(HttpStatus.OK);
        return JsonPath.read(result.getResponse().getContentAsString(), path);
    }
}
