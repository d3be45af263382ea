package dev.gatehouse.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Service;

import dev.gatehouse.config.GatehouseProperties;

/** Issues signed JWT access tokens in the RFC 9068 profile. */
@Service
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    AccessTokenIssuer(SigningKeys keys, Clock clock, GatehouseProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = properties.issuer();
        this.audience = properties.audience();
        this.lifetime = properties.token().lifetime();
    }

    public AccessToken issue(AccessTokenSubject subject) {
        Instant issuedAt = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject.userId().toString())
                .claim(AccessTokenClaims.SESSION_ID, subject.sessionId())
                .claim(AccessTokenClaims.EMAIL, subject.email())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokenClaims.ROLES, List.copyOf(subject.roles()))
                .claim(AccessTokenClaims.PERMISSIONS, List.copyOf(subject.permissions()));
        if (subject.clientId() != null) {
            claims.claim(AccessTokenClaims.CLIENT_ID, subject.clientId());
        }

        return new AccessToken(sign(claims.build()), lifetime);
    }

    /** The JWS algorithm of every access token, such as {@code ES256}, as discovery metadata names it. */
    public String signingAlgorithm() {
        return keys.jwsAlgorithm().getName();
    }

    /** How long an access token is valid after it is issued. */
    public Duration lifetime() {
        return lifetime;
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(keys.header(), claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException exception) {
            throw new IllegalStateException("Failed to sign an access token with kid " + keys.header().getKeyID(), exception);
        }
        return jwt.serialize();
    }
}
