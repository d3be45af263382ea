package dev.gatehouse.starter.token;

import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.gatehouse.jose.BouncyCastleEcdsaVerifierFactory;
import dev.gatehouse.jose.Ed25519VerifierFactory;
import dev.gatehouse.jose.VerificationKeySelector;
import dev.gatehouse.starter.GatehouseProperties;

/**
 * Verifies Gatehouse access tokens with Spring Security's {@link NimbusJwtDecoder}, built on first use
 * from the issuer's discovery document. Only the algorithms the issuer advertises are accepted, only
 * {@code typ: at+jwt} (RFC 9068, section 2.1), and {@code iss}, {@code aud}, {@code exp}, {@code nbf},
 * {@code iat}, {@code sub} and {@code sid} are checked.
 *
 * <p>EdDSA tokens are checked with the Ed25519 keys of the JWK Set through {@link VerificationKeySelector}
 * and {@link Ed25519VerifierFactory}, because Nimbus's default selector and verifier factory handle no
 * Ed25519 key.
 *
 * <p>The JWK Set comes from Nimbus's {@link JWKSourceBuilder}: it is cached for
 * {@code gatehouse.jwks.cache-lifetime}, and a token with an unknown {@code kid} makes Nimbus fetch it
 * again at once, rate-limited to {@link #JWKS_RATE_LIMIT}, so a key rotation needs no restart. The
 * builder of {@code NimbusJwtDecoder.withJwkSetUri} is not used because, in Spring Security 7.0, it fixes
 * the cache lifetime and turns rate limiting off.
 *
 * <p>Failures: {@link IssuerUnavailableException} when the discovery document cannot be fetched, a
 * {@link org.springframework.security.oauth2.jwt.BadJwtException} for a token that is not valid, and
 * another {@link JwtException} when the JWK Set cannot be fetched.
 */
public final class GatehouseJwtDecoder implements JwtDecoder, DisposableBean {

    /**
     * Minimum interval of the JWK Set fetches that unknown key ids trigger (Nimbus allows two per interval),
     * or half the cache lifetime if that is shorter.
     */
    public static final Duration JWKS_RATE_LIMIT = Duration.ofSeconds(10);

    static final String TOKEN_TYPE = "at+jwt";

    private final IssuerMetadataResolver metadataResolver;
    private final IssuerHttpClient httpClient;
    private final String audience;
    private final Duration clockSkew;
    private final Duration cacheLifetime;
    private final Clock clock;
    private volatile @Nullable NimbusJwtDecoder delegate;
    private volatile @Nullable JWKSource<SecurityContext> jwkSource;

    public GatehouseJwtDecoder(IssuerMetadataResolver metadataResolver, IssuerHttpClient httpClient,
            GatehouseProperties properties, Clock clock) {
        this.metadataResolver = metadataResolver;
        this.httpClient = httpClient;
        this.audience = properties.audience();
        this.clockSkew = properties.clockSkew();
        this.cacheLifetime = properties.jwks().cacheLifetime();
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return delegate().decode(token);
    }

    private NimbusJwtDecoder delegate() {
        NimbusJwtDecoder decoder = delegate;
        if (decoder != null) {
            return decoder;
        }
        return createDelegate(metadataResolver.metadata());
    }

    private synchronized NimbusJwtDecoder createDelegate(IssuerMetadata metadata) {
        NimbusJwtDecoder decoder = delegate;
        if (decoder != null) {
            return decoder;
        }

        JWKSource<SecurityContext> keys = jwkSource(metadata);
        decoder = new NimbusJwtDecoder(jwtProcessor(metadata, keys));
        decoder.setJwtValidator(validator(metadata.issuer()));
        jwkSource = keys;
        delegate = decoder;
        return decoder;
    }

    private JWKSource<SecurityContext> jwkSource(IssuerMetadata metadata) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(metadata.jwksUri().toURL(), httpClient)
                    .cache(cacheLifetime.toMillis(), IssuerHttpClient.TIMEOUT.toMillis())
                    // Refresh-ahead would start threads of its own; a fetch on expiry is short enough.
                    .refreshAheadCache(false)
                    .rateLimited(rateLimitMillis())
                    // Fail closed: once the cache lifetime is over, keys are used only if they can be refetched.
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException exception) {
            throw new IssuerUnavailableException("The jwks_uri of " + metadata.issuer() + " is not a URL", exception);
        }
    }

    /** Nimbus requires the rate-limit interval to be shorter than the cache lifetime. */
    private long rateLimitMillis() {
        return Math.min(JWKS_RATE_LIMIT.toMillis(), cacheLifetime.toMillis() / 2);
    }

    private static DefaultJWTProcessor<SecurityContext> jwtProcessor(IssuerMetadata metadata,
            JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TOKEN_TYPE)));
        processor.setJWSKeySelector(new VerificationKeySelector<>(metadata.signingAlgorithms(), keys));
        processor.setJWSVerifierFactory(new Ed25519VerifierFactory(new BouncyCastleEcdsaVerifierFactory()));
        // Claims are checked by the Spring validators, which read the injected Clock.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return processor;
    }

    private OAuth2TokenValidator<Jwt> validator(String issuer) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);

        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        // The revocation check compares iat with the revocation times it has dropped.
        validators.add(new JwtClaimValidator<>(JwtClaimNames.IAT, Objects::nonNull));
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(issuer));
        validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                values -> values != null && values.contains(audience)));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, GatehouseJwtDecoder::isUuid));
        validators.add(new JwtClaimValidator<String>(AccessTokenClaims.SESSION_ID, sid -> sid != null && !sid.isBlank()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static boolean isUuid(@Nullable String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    @Override
    public void destroy() throws IOException {
        if (jwkSource instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
