package dev.gatehouse.interop.defaults;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A resource server with Spring Boot's defaults only: the issuer-uri property and no bean of its own. */
@SpringBootApplication
public class DefaultResourceServerApplication {

    @RestController
    static class SubjectController {

        @GetMapping("/subject")
        Map<String, Object> subject(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("subject", jwt.getSubject());
        }
    }
}
