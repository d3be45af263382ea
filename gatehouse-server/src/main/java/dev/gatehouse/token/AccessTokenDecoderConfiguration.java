package dev.gatehouse.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.jose.BouncyCastleEcdsaVerifierFactory;
import dev.gatehouse.jose.Ed25519VerifierFactory;
import dev.gatehouse.jose.VerificationKeySelector;

/**
 * Builds the decoder that Gatehouse's own endpoints use for bearer tokens. It accepts only the
 * configured algorithm with Gatehouse's own key (so {@code none}, an HS/ES confusion and an unknown
 * {@code kid} all fail), only {@code typ: at+jwt}, and checks issuer, audience and expiry with the
 * configured clock skew. Further checks, such as the session still being live, come from
 * {@link OAuth2TokenValidator} beans.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

    @Bean
    JwtDecoder accessTokenDecoder(SigningKeys keys, GatehouseProperties properties, Clock clock,
            ObjectProvider<OAuth2TokenValidator<Jwt>> extraValidators) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(jwtProcessor(keys));
        decoder.setJwtValidator(validators(properties, clock, extraValidators.orderedStream().toList()));
        return decoder;
    }

    private static DefaultJWTProcessor<SecurityContext> jwtProcessor(SigningKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(AccessTokenClaims.TOKEN_TYPE)));
        processor.setJWSVerifierFactory(new Ed25519VerifierFactory(new BouncyCastleEcdsaVerifierFactory()));
        processor.setJWSKeySelector(new VerificationKeySelector<>(Set.of(keys.jwsAlgorithm()),
                new ImmutableJWKSet<>(keys.verificationKeys())));
        // Claims are checked by the Spring validators below, which read the injected Clock.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return processor;
    }

    private static OAuth2TokenValidator<Jwt> validators(GatehouseProperties properties, Clock clock,
            List<OAuth2TokenValidator<Jwt>> extra) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.token().clockSkew());
        timestamps.setClock(clock);

        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        all.add(timestamps);
        all.add(new JwtIssuerValidator(properties.issuer()));
        all.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                audience -> audience != null && audience.contains(properties.audience())));
        all.add(new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull));
        all.add(new JwtClaimValidator<>(AccessTokenClaims.SESSION_ID, Objects::nonNull));
        all.addAll(extra);
        return new DelegatingOAuth2TokenValidator<>(all);
    }
}
