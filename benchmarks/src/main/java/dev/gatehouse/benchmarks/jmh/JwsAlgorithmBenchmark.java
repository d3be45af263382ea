package dev.gatehouse.benchmarks.jmh;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signs and verifies an access-token-sized JWT with each algorithm Gatehouse offers or could offer, and
 * with ES256 under both the JDK's and BouncyCastle's providers, so the choice of default algorithm and
 * provider rests on numbers from this machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JwsAlgorithmBenchmark {

    /** Algorithm, and for ES256 the JCA provider: the JDK's own ({@code SunEC}) or BouncyCastle's. */
    @Param({"ES256-JDK", "ES256-BC", "RS256", "HS256", "EdDSA"})
    public String algorithm = "ES256-JDK";

    // Set by createKeys before the first benchmark call.
    private JWSSigner signer;
    private JWSVerifier verifier;
    private JWSHeader header;
    private JWTClaimsSet claims;
    private String token;

    @Setup
    public void createKeys() throws JOSEException {
        switch (algorithm) {
            case "ES256-JDK", "ES256-BC" -> {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
                ECDSASigner ecSigner = new ECDSASigner(key);
                ECDSAVerifier ecVerifier = new ECDSAVerifier(key.toPublicJWK());
                if (algorithm.endsWith("BC")) {
                    ecSigner.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
                    ecVerifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
                }
                use(ecSigner, ecVerifier, JWSAlgorithm.ES256);
            }
            case "RS256" -> {
                RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
                use(new RSASSASigner(key), new RSASSAVerifier(key.toPublicJWK()), JWSAlgorithm.RS256);
            }
            case "HS256" -> {
                OctetSequenceKey key = new OctetSequenceKeyGenerator(256).keyID("bench").generate();
                use(new MACSigner(key), new MACVerifier(key), JWSAlgorithm.HS256);
            }
            case "EdDSA" -> {
                OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("bench").generate();
                use(new Ed25519Signer(key), new Ed25519Verifier(key.toPublicJWK()), JWSAlgorithm.EdDSA);
            }
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        }
        claims = accessTokenClaims();
        token = sign();
    }

    @Benchmark
    public String sign() throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public boolean verify() throws Exception {
        return SignedJWT.parse(token).verify(verifier);
    }

    private void use(JWSSigner newSigner, JWSVerifier newVerifier, JWSAlgorithm jwsAlgorithm) {
        signer = newSigner;
        verifier = newVerifier;
        header = new JWSHeader.Builder(jwsAlgorithm).type(new JOSEObjectType("at+jwt")).keyID("bench").build();
    }

    /** Claims of the size and shape Gatehouse issues: one role and three permissions. */
    private static JWTClaimsSet accessTokenClaims() {
        Date now = new Date();
        return new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:8080")
                .audience("gatehouse")
                .subject(UUID.randomUUID().toString())
                .claim("sid", "AAAAAAAAAAAAAAAAAAAAAA")
                .claim("email", "alice@example.com")
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + 900_000))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("admin"))
                .claim("permissions", List.of("coffees:create", "coffees:read", "users:read"))
                .build();
    }
}
