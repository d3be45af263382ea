package dev.gatehouse.interop.plain;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resource server built only from Spring Boot and Spring Security, with no Gatehouse code. Its one
 * property, {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, makes Spring find the signing
 * keys through Gatehouse's discovery document and check {@code iss}.
 */
@SpringBootApplication
public class PlainResourceServerApplication {

    /** Media type of OAuth 2.0 access tokens in the JWT {@code typ} header, from RFC 9068 section 2.1. */
    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    public static void main(String[] args) {
        SpringApplication.run(PlainResourceServerApplication.class, args);
    }

    /**
     * Accepts the {@code typ} of Gatehouse access tokens. Spring Security 7.0 accepts only {@code JWT}
     * or no {@code typ} by default, and Spring Boot 4.0 uses this bean in place of that check.
     */
    @Bean
    OAuth2TokenValidator<Jwt> accessTokenTypeValidator() {
        return new JwtTypeValidator(ACCESS_TOKEN_TYPE);
    }

    @RestController
    static class SubjectController {

        @GetMapping("/subject")
        Map<String, Object> subject(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("subject", jwt.getSubject());
        }
    }
}
