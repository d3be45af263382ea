package dev.gatehouse.starter.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.gatehouse.starter.app.TestApplication;

/**
 * Base of the tests that share one running test service and one {@link TestIssuer} for the whole JVM.
 * Each test uses its own user and session ids, so revocations of one test do not touch another.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gatehouse.revocation.poll-interval=100ms",
                "gatehouse.revocation.max-staleness=5s",
                // The rejection reasons are logged at DEBUG; the log test checks that they name no token.
                "logging.level.dev.gatehouse.starter=DEBUG"})
public abstract class StarterTestSupport {

    protected static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    private int port;

    protected HttpTestClient http;

    @DynamicPropertySource
    static void issuerProperties(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.issuer-uri", ISSUER::issuer);
    }

    @BeforeEach
    void createClient() {
        http = new HttpTestClient(port);
    }

    protected HttpResponse<String> get(String path, @Nullable String token) {
        return http.get(path, token);
    }

    /** Signs a token for a new user and session with the given roles and permissions. */
    protected static String tokenWith(String[] roles, String... permissions) {
        return ISSUER.token(claims -> claims.claim("roles", java.util.List.of(roles))
                .claim("permissions", java.util.List.of(permissions)));
    }

    protected static String tokenFor(UUID userId, String sessionId) {
        JWTClaimsSet claims = ISSUER.claims(userId, sessionId).build();
        return TestIssuer.sign(claims, ISSUER.signingKey(), new com.nimbusds.jose.JOSEObjectType("at+jwt"));
    }

    protected static final Duration REVOCATION_WAIT = Duration.ofSeconds(3);
}
