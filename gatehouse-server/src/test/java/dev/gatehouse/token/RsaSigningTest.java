package dev.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gatehouse.support.IntegrationTest;
import dev.gatehouse.token.TestUsers.Account;
import dev.gatehouse.token.TestUsers.Tokens;

/** Access tokens when {@code gatehouse.token.algorithm} is RS256: signed with a stored RSA key. */
@TestPropertySource(properties = "gatehouse.token.algorithm=RS256")
class RsaSigningTest extends IntegrationTest {

    @Autowired
    private MockMvcTester mvc;

    private Account account;
    private Tokens tokens;

    @BeforeEach
    void signIn() {
        account = TestUsers.signUp(mvc);
        tokens = TestUsers.signIn(mvc, account);
    }

    @Test
    void issueWhenRs256ThenHeaderAlgorithmRs256() throws Exception {
        assertThat(SignedJWT.parse(tokens.accessToken()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void jwksWhenRs256ThenOneRsaKey() throws Exception {
        JWKSet jwks = fetchJwks();

        assertThat(jwks.getKeys()).singleElement().extracting(key -> key.getKeyType()).isEqualTo(KeyType.RSA);
    }

    @Test
    void issueWhenRs256ThenVerifiesWithJwks() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(fetchJwks())));

        JWTClaimsSet verified = processor.process(tokens.accessToken(), null);

        assertThat(verified.getSubject()).isEqualTo(account.id().toString());
    }

    @Test
    void currentUserWhenRs256ThenOk() {
        assertThat(TestUsers.currentUser(mvc, tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    private JWKSet fetchJwks() throws Exception {
        return JWKSet.parse(mvc.get().uri("/.well-known/jwks.json").exchange().getResponse().getContentAsString());
    }
}
