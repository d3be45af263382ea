package dev.gatehouse.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.gatehouse.starter.support.StarterTestSupport;

@ExtendWith(OutputCaptureExtension.class)
class TokenLoggingTest extends StarterTestSupport {

    @Test
    void logWhenTokensAcceptedAndRejectedThenNoTokenAppears(CapturedOutput output) {
        String sessionId = UUID.randomUUID().toString();
        String valid = tokenFor(UUID.randomUUID(), sessionId);
        String expired = ISSUER.token(claims -> claims.expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
        String wrongAudience = ISSUER.token(claims -> claims.audience(List.of("other")));
        String tampered = valid.substring(0, valid.length() - 4) + "AAAA";
        List<String> tokens = List.of(valid, expired, wrongAudience, tampered);

        for (String token : tokens) {
            get("/me", token);
        }
        ISSUER.revoke(sessionId);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/me", valid).statusCode() == 401);

        assertThat(output.getAll()).contains("Rejected");
        for (String token : tokens) {
            assertThat(output.getAll()).doesNotContain(token);
            assertThat(output.getAll()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }
}
