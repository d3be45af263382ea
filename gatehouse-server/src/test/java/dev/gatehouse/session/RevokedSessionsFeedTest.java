package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.token.TestUsers;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/** The public feed {@code GET /sessions/revoked}: each way a session ends by request, paging and input checks. */
class RevokedSessionsFeedTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private MutableClock clock;

    @Autowired
    private GatehouseProperties properties;

    @Autowired
    private SessionService sessions;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void feedWhenRequestedWithoutTokenThenOkAndNotCached() {
        MvcTestResult result = mvc.get().uri("/sessions/revoked").exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(result).bodyJson().extractingPath("$.revoked").isNotNull();
        assertThat(result).bodyJson().extractingPath("$.until").isNotNull();
    }

    @Test
    void feedWhenSinceInvalidThenInvalidRequest() {
        for (String since : List.of("abc", "-1", "1.5", "", "99999999999999999999")) {
            MvcTestResult result = mvc.get().uri("/sessions/revoked").param("since", since).exchange();

            assertThat(result).as("since=%s", since).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).as("since=%s", since).bodyJson().extractingPath("$.code").isEqualTo("invalid_request");
        }
    }

    @Test
    void feedWhenSignedOutThenListed() throws Exception {
        long since = until(0);
        Tokens tokens = TestUsers.signUpAndSignIn(mvc);

        assertThat(TestUsers.signOut(mvc, tokens.refreshToken())).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(revokedIds(since)).contains(tokens.sessionId());
    }

    @Test
    void feedWhenOwnSessionDeletedThenListed() throws Exception {
        long since = until(0);
        Account account = TestUsers.signUp(mvc);
        Tokens caller = TestUsers.signIn(mvc, account);
        Tokens other = TestUsers.signIn(mvc, account);

        MvcTestResult result = mvc.delete().uri("/sessions/" + other.sessionId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.accessToken()).exchange();

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(revokedIds(since)).contains(other.sessionId()).doesNotContain(caller.sessionId());
    }

    @Test
    void feedWhenOtherSessionsRevokedThenListed() throws Exception {
        long since = until(0);
        Account account = TestUsers.signUp(mvc);
        Tokens caller = TestUsers.signIn(mvc, account);
        Tokens second = TestUsers.signIn(mvc, account);
        Tokens third = TestUsers.signIn(mvc, account);

        MvcTestResult result = mvc.delete().uri("/sessions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.accessToken()).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(revokedIds(since)).contains(second.sessionId(), third.sessionId()).doesNotContain(caller.sessionId());
    }

    @Test
    void feedWhenAdministratorRevokesAllThenListed() throws Exception {
        long since = until(0);
        Account user = TestUsers.signUp(mvc);
        Tokens first = TestUsers.signIn(mvc, user);
        Tokens second = TestUsers.signIn(mvc, user);
        Tokens admin = signedInAdmin();

        MvcTestResult result = mvc.delete().uri("/admin/users/" + user.id() + "/sessions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.accessToken()).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(revokedIds(since)).contains(first.sessionId(), second.sessionId());
    }

    @Test
    void feedWhenRefreshTokenReusedThenListed() throws Exception {
        long since = until(0);
        Tokens first = TestUsers.signUpAndSignIn(mvc);
        TestUsers.tokens(TestUsers.refresh(mvc, first.refreshToken()));
        clock.advance(properties.session().reuseLeeway().plusSeconds(1));

        assertThat(TestUsers.refresh(mvc, first.refreshToken())).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(revokedIds(since)).contains(first.sessionId());
    }

    @Test
    void feedWhenLiveSessionThenNotListed() throws Exception {
        Tokens tokens = TestUsers.signUpAndSignIn(mvc);

        assertThat(revokedIds(0)).doesNotContain(tokens.sessionId());
    }

    @Test
    void feedWhenMoreThanOnePageThenCappedAndUntilIsLastEntry() throws Exception {
        long since = until(0);
        UUID userId = UUID.randomUUID();
        Set<String> started = new HashSet<>();
        for (int i = 0; i < SessionService.MAX_REVOCATIONS_PER_PAGE + 5; i++) {
            started.add(sessions.start(userId, new ClientInfo("feed-test", "127.0.0.1")).sessionId());
        }
        sessions.revokeAllForUser(userId);

        String firstPage = feed(since);
        List<Map<String, Object>> firstEntries = JsonPath.read(firstPage, "$.revoked");
        long until = ((Number) JsonPath.read(firstPage, "$.until")).longValue();
        String secondPage = feed(until);
        List<String> secondIds = JsonPath.read(secondPage, "$.revoked[*].sid");

        assertThat(firstEntries).hasSize(SessionService.MAX_REVOCATIONS_PER_PAGE);
        assertThat(until).isEqualTo(((Number) firstEntries.getLast().get("revokedAt")).longValue());
        List<String> all = new ArrayList<>(JsonPath.<List<String>>read(firstPage, "$.revoked[*].sid"));
        all.addAll(secondIds);
        assertThat(all).containsAll(started);
    }

    @Test
    void feedWhenReadThenAscendingRevocationTimes() throws Exception {
        long since = until(0);
        for (int i = 0; i < 3; i++) {
            TestUsers.signOut(mvc, TestUsers.signUpAndSignIn(mvc).refreshToken());
        }

        List<Number> times = JsonPath.read(feed(since), "$.revoked[*].revokedAt");

        assertThat(times).extracting(Number::longValue).isSorted();
    }

    private Tokens signedInAdmin() {
        Account admin = TestUsers.signUp(mvc);
        jdbc.sql("insert into user_roles (user_id, role_name) values (?, ?)")
                .params(admin.id(), Permissions.ADMIN_ROLE)
                .update();
        return TestUsers.signIn(mvc, admin);
    }

    private List<String> revokedIds(long since) throws Exception {
        return JsonPath.read(feed(since), "$.revoked[*].sid");
    }

    /** Pages through the feed from {@code since} to its end and returns where the next read starts. */
    private long until(long since) throws Exception {
        long until = since;
        for (int page = 0; page < 100; page++) {
            String body = feed(until);
            until = ((Number) JsonPath.read(body, "$.until")).longValue();
            if (JsonPath.<List<?>>read(body, "$.revoked").size() < SessionService.MAX_REVOCATIONS_PER_PAGE) {
                return until;
            }
        }
        throw new IllegalStateException("The feed did not end within 100 pages");
    }

    private String feed(long since) throws Exception {
        MvcTestResult result = mvc.get().uri("/sessions/revoked").param("since", Long.toString(since)).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return result.getResponse().getContentAsString();
    }
}
