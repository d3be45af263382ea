package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.support.MutableClock;
import dev.gatehouse.token.TestUsers.Tokens;

/**
 * Checks how {@code GET /users/me} verifies bearer tokens. Forged tokens that need the server's key
 * are signed with the real {@link SigningKeys} bean, so each one differs from a genuine token only in
 * the property under test.
 */
class AccessTokenVerificationTest extends IntegrationTest {

    private static final String INVALID_TOKEN = "invalid_token";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private SigningKeys keys;

    @Autowired
    private GatehouseProperties properties;

    @Autowired
    private MutableClock clock;

    private Tokens tokens;

    @BeforeEach
    void signIn() {
        tokens = TestUsers.signUpAndSignIn(mvc);
    }

    @Test
    void currentUserWhenTokenValidThenOk() {
        MvcTestResult result = TestUsers.currentUser(mvc, tokens.accessToken());

        assertThat(result).hasStatus(HttpStatus.OK);
    }

    /** Shows that {@link #signWithServerKey} makes accepted tokens, so each rejection below has the named cause. */
    @Test
    void currentUserWhenResignedThenOk() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());

        String resigned = signWithServerKey(original.getHeader(), original.getJWTClaimsSet());

        assertThat(TestUsers.currentUser(mvc, resigned)).hasStatus(HttpStatus.OK);
    }

    @Test
    void currentUserWhenAlgorithmNoneThenUnauthorized() throws Exception {
        PlainHeader header = new PlainHeader.Builder().type(new JOSEObjectType(AccessTokenClaims.TOKEN_TYPE)).build();
        String unsigned = new PlainJWT(header, claimsOf(tokens.accessToken())).serialize();

        assertInvalidToken(TestUsers.currentUser(mvc, unsigned));
    }

    @Test
    void currentUserWhenSignatureTamperedThenUnauthorized() {
        String[] parts = tokens.accessToken().split("\\.");
        // A character in the middle: the last one of a base64url signature may only carry padding bits.
        parts[2] = flipCharacter(parts[2], parts[2].length() / 2);

        assertInvalidToken(TestUsers.currentUser(mvc, String.join(".", parts)));
    }

    @Test
    void currentUserWhenPayloadTamperedThenUnauthorized() throws Exception {
        String[] parts = tokens.accessToken().split("\\.");
        JWTClaimsSet escalated = new JWTClaimsSet.Builder(claimsOf(tokens.accessToken()))
                .claim(AccessTokenClaims.ROLES, List.of("admin"))
                .build();
        parts[1] = base64Url(escalated.toString());

        assertInvalidToken(TestUsers.currentUser(mvc, String.join(".", parts)));
    }

    @Test
    void currentUserWhenExpiredPastSkewThenUnauthorized() {
        Duration lifetime = properties.token().lifetime();
        Duration skew = properties.token().clockSkew();

        clock.advance(lifetime.plus(skew).plusSeconds(1));

        assertInvalidToken(TestUsers.currentUser(mvc, tokens.accessToken()));
    }

    @Test
    void currentUserWhenExpiredWithinSkewThenOk() {
        Duration lifetime = properties.token().lifetime();
        Duration skew = properties.token().clockSkew();

        clock.advance(lifetime.plus(skew).minusSeconds(10));

        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void currentUserWhenOtherKeySameKidThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(original.getHeader().getKeyID()).generate();

        String forged = sign(original.getHeader(), original.getJWTClaimsSet(), new ECDSASigner(otherKey));

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    @Test
    void currentUserWhenKidUnknownThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        JWSHeader header = new JWSHeader.Builder(original.getHeader()).keyID("unknown-kid").build();

        String forged = signWithServerKey(header, original.getJWTClaimsSet());

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    @Test
    void currentUserWhenIssuerWrongThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        JWTClaimsSet claims = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                .issuer("https://attacker.example.test")
                .build();

        String forged = signWithServerKey(original.getHeader(), claims);

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    @Test
    void currentUserWhenAudienceWrongThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        JWTClaimsSet claims = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                .audience("another-service")
                .build();

        String forged = signWithServerKey(original.getHeader(), claims);

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    /** The published public key used as an HMAC secret: a decoder that trusts the header's {@code alg} accepts this. */
    @Test
    void currentUserWhenAlgorithmConfusionThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        String jwks = mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString();
        String publicKeyJson = JWKSet.parse(jwks).getKeys().getFirst().toJSONString();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType(AccessTokenClaims.TOKEN_TYPE))
                .keyID(original.getHeader().getKeyID())
                .build();

        String forged = sign(header, original.getJWTClaimsSet(),
                new MACSigner(publicKeyJson.getBytes(StandardCharsets.UTF_8)));

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    @Test
    void currentUserWhenTypeIsJwtThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        JWSHeader header = new JWSHeader.Builder(original.getHeader()).type(JOSEObjectType.JWT).build();

        String forged = signWithServerKey(header, original.getJWTClaimsSet());

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    @Test
    void currentUserWhenTypeMissingThenUnauthorized() throws Exception {
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        JWSHeader header = new JWSHeader.Builder(original.getHeader()).type(null).build();

        String forged = signWithServerKey(header, original.getJWTClaimsSet());

        assertInvalidToken(TestUsers.currentUser(mvc, forged));
    }

    @Test
    void currentUserWhenNoTokenThenAuthenticationRequired() {
        MvcTestResult result = mvc.get().uri("/users/me").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("authentication_required");
        assertThat(result).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void currentUserWhenRefreshTokenPresentedThenUnauthorized() {
        assertInvalidToken(TestUsers.currentUser(mvc, tokens.refreshToken()));
    }

    private static void assertInvalidToken(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(INVALID_TOKEN);
        assertThat(result).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    private String signWithServerKey(JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        return sign(header, claims, keys.signer());
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static JWTClaimsSet claimsOf(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static String flipCharacter(String value, int index) {
        char replacement = value.charAt(index) == 'A' ? 'B' : 'A';
        return value.substring(0, index) + replacement + value.substring(index + 1);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
