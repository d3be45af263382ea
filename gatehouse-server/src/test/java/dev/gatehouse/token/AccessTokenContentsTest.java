package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.authorization.Permissions;
import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Checks the header and claims of issued access tokens, and the JWK Set that resource servers verify
 * them with. The user has the {@code admin} role, so the role and permission claims are not empty.
 */
class AccessTokenContentsTest extends IntegrationTest {

    /** Default of {@code gatehouse.token.lifetime}: 15 minutes. */
    private static final long DEFAULT_LIFETIME_SECONDS = 900;
    /** JWK members that hold private or secret key material (RFC 7518, sections 6.2.2, 6.3.2 and 6.4.1). */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private GatehouseProperties properties;

    @Autowired
    private MutableClock clock;

    private Account account;
    private Tokens tokens;
    private Instant signedInAt;

    @BeforeEach
    void signInAsAdmin() {
        account = TestUsers.signUp(mvc);
        jdbc.sql("insert into user_roles (user_id, role_name) values (?, ?)")
                .params(account.id(), Permissions.ADMIN_ROLE)
                .update();
        signedInAt = clock.instant();
        tokens = TestUsers.signIn(mvc, account);
    }

    @Test
    void issueWhenSignedInThenTypeAtJwt() throws Exception {
        JWSHeader header = SignedJWT.parse(tokens.accessToken()).getHeader();

        assertThat(header.getType()).isEqualTo(new JOSEObjectType("at+jwt"));
    }

    @Test
    void issueWhenSignedInThenAlgorithmIsEs256() throws Exception {
        JWSHeader header = SignedJWT.parse(tokens.accessToken()).getHeader();

        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void issueWhenSignedInThenKidMatchesJwks() throws Exception {
        JWSHeader header = SignedJWT.parse(tokens.accessToken()).getHeader();

        JWKSet jwks = fetchJwks();

        assertThat(jwks.getKeys()).extracting(JWK::getKeyID).containsExactly(header.getKeyID());
    }

    @Test
    void issueWhenSignedInThenIssuerConfigured() throws Exception {
        assertThat(claims().getIssuer()).isEqualTo(properties.issuer());
    }

    @Test
    void issueWhenSignedInThenAudienceConfigured() throws Exception {
        assertThat(claims().getAudience()).containsExactly(properties.audience());
    }

    @Test
    void issueWhenSignedInThenSubjectUserId() throws Exception {
        assertThat(claims().getSubject()).isEqualTo(account.id().toString());
    }

    @Test
    void issueWhenSignedInThenSidOfSession() throws Exception {
        assertThat(claims().getStringClaim("sid")).isEqualTo(tokens.sessionId());
    }

    @Test
    void issueWhenSignedInThenEmailOfUser() throws Exception {
        assertThat(claims().getStringClaim("email")).isEqualTo(account.email());
    }

    @Test
    void issueWhenSignedInWithoutClientThenNoClientId() throws Exception {
        assertThat(claims().getClaims()).doesNotContainKey("client_id");
    }

    @Test
    void issueWhenRefreshedThenEmailKept() throws Exception {
        Tokens refreshed = TestUsers.tokens(TestUsers.refresh(mvc, tokens.refreshToken()));

        JWTClaimsSet claims = SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet();

        assertThat(claims.getStringClaim("email")).isEqualTo(account.email());
    }

    @Test
    void issueWhenSignedInThenIssuedAtNow() throws Exception {
        // JWT times have whole seconds (RFC 7519, section 2: NumericDate).
        assertThat(claims().getIssueTime().toInstant().getEpochSecond()).isEqualTo(signedInAt.getEpochSecond());
    }

    @Test
    void issueWhenDefaultLifetimeThenExpiresIn900Seconds() throws Exception {
        JWTClaimsSet claims = claims();

        long lifetimeSeconds = claims.getExpirationTime().toInstant().getEpochSecond()
                - claims.getIssueTime().toInstant().getEpochSecond();

        assertThat(lifetimeSeconds).isEqualTo(DEFAULT_LIFETIME_SECONDS);
    }

    @Test
    void issueWhenSignedInThenJtiUuid() throws Exception {
        String jwtId = claims().getJWTID();

        assertThat(UUID.fromString(jwtId).toString()).isEqualTo(jwtId);
    }

    @Test
    void issueWhenSignedInTwiceThenJtiDiffers() throws Exception {
        Tokens second = TestUsers.signIn(mvc, account);

        String secondJwtId = SignedJWT.parse(second.accessToken()).getJWTClaimsSet().getJWTID();

        assertThat(secondJwtId).isNotEqualTo(claims().getJWTID());
    }

    @Test
    void issueWhenAdminThenRolesClaimAdmin() throws Exception {
        assertThat(claims().getStringListClaim("roles")).containsExactly(Permissions.ADMIN_ROLE);
    }

    @Test
    void issueWhenAdminThenAdminPermissions() throws Exception {
        assertThat(claims().getStringListClaim("permissions"))
                .containsExactlyInAnyOrderElementsOf(Permissions.ALL_ADMIN);
    }

    @Test
    void jwksWhenFetchedThenKeyMetadataPresent() throws Exception {
        Map<String, Object> key = fetchJwks().getKeys().getFirst().toJSONObject();

        assertThat(key).containsKey("kid");
        assertThat(key).containsEntry("alg", "ES256");
        assertThat(key).containsEntry("use", "sig");
    }

    @Test
    void jwksWhenFetchedThenContainsNoPrivateMembers() throws Exception {
        String body = mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString();

        // The raw JSON, because a parser could drop members it does not expect.
        Map<String, Object> key = JsonPath.read(body, "$.keys[0]");

        assertThat(key).doesNotContainKeys(PRIVATE_MEMBERS.toArray(String[]::new));
    }

    @Test
    void jwksWhenFetchedThenContentTypeIsJson() {
        MvcTestResult result = mvc.get().uri("/.well-known/jwks.json").exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void issueWhenVerifiedWithJwksThenAccepted() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(fetchJwks())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(properties.audience(),
                new JWTClaimsSet.Builder().issuer(properties.issuer()).subject(account.id().toString()).build(),
                null));

        JWTClaimsSet verified = processor.process(tokens.accessToken(), null);

        assertThat(verified.getSubject()).isEqualTo(account.id().toString());
    }

    private JWTClaimsSet claims() throws Exception {
        return SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
    }

    private JWKSet fetchJwks() throws Exception {
        MvcTestResult result = mvc.get().uri("/.well-known/jwks.json").exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return JWKSet.parse(result.getResponse().getContentAsString());
    }
}
