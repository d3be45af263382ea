package dev.gatehouse.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.gatehouse.config.GatehouseProperties;
import dev.gatehouse.config.GatehouseProperties.SigningAlgorithm;
import dev.gatehouse.config.InvalidConfigurationException;
import dev.gatehouse.keys.StoredKeys;
import dev.gatehouse.keys.StoredKeys.StoredKey;

/**
 * The access-token signing key, resolved once at start-up: an HS256 secret from configuration, a key
 * pair from a PEM file, or a key pair generated on first start and stored encrypted in the database.
 * EdDSA keys are on the Ed25519 curve, and Nimbus signs with them through Tink.
 */
@Component
class SigningKeys {

    static final String PURPOSE = "access-token-signing";
    /** RFC 7518, section 3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
    static final int MIN_HMAC_SECRET_BYTES = 32;
    private static final int RSA_KEY_BITS = 2048;
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningAlgorithm algorithm;
    private final JWK key;
    private final JWSSigner signer;
    private final JWSHeader header;

    SigningKeys(GatehouseProperties properties, StoredKeys storedKeys) {
        this.algorithm = properties.token().algorithm();
        this.key = resolveKey(properties.token(), storedKeys);
        this.signer = createSigner(key);
        this.header = new JWSHeader.Builder(jwsAlgorithm())
                .type(new JOSEObjectType(AccessTokenClaims.TOKEN_TYPE))
                .keyID(key.getKeyID())
                .build();
        log.info("Access tokens are signed with {}, kid {}", algorithm, key.getKeyID());
    }

    JWSAlgorithm jwsAlgorithm() {
        return JWSAlgorithm.parse(algorithm.name());
    }

    JWSSigner signer() {
        return signer;
    }

    JWSHeader header() {
        return header;
    }

    /** Keys that verify tokens: the public key, or the shared secret for HS256. Never published as is. */
    JWKSet verificationKeys() {
        return new JWKSet(key);
    }

    /** The public keys for the JWKS endpoint; empty for HS256, whose key is a shared secret. */
    JWKSet publicKeys() {
        return new JWKSet(key).toPublicJWKSet();
    }

    private JWK resolveKey(GatehouseProperties.Token token, StoredKeys storedKeys) {
        if (algorithm == SigningAlgorithm.HS256) {
            return hmacKey(token.hmacSecret());
        }
        if (token.privateKeyLocation() != null) {
            return pemKey(token.privateKeyLocation());
        }
        StoredKey stored = storedKeys.loadOrCreate(PURPOSE, algorithm.name(), this::generateKey);
        return parseStored(stored);
    }

    private OctetSequenceKey hmacKey(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_HMAC_SECRET_BYTES) {
            throw new InvalidConfigurationException("gatehouse.token.algorithm is HS256, so gatehouse.token.hmac-secret "
                    + "must be set to at least " + MIN_HMAC_SECRET_BYTES + " bytes (256 bits); "
                    + "generate one with: openssl rand -base64 32");
        }
        try {
            return new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8))
                    .algorithm(JWSAlgorithm.HS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException exception) {
            throw new IllegalStateException("Failed to compute the HS256 key id", exception);
        }
    }

    private JWK pemKey(Path location) {
        String pem = readPem(location);
        try {
            JWK parsed = PemKeys.parse(pem);
            checkPemMatchesAlgorithm(parsed, location);
            return withSigningMetadata(parsed);
        } catch (JOSEException exception) {
            throw new InvalidConfigurationException("gatehouse.token.private-key-location " + location
                    + " could not be read as a PEM private key: " + exception.getMessage(), exception);
        }
    }

    private static String readPem(Path location) {
        try {
            return Files.readString(location, StandardCharsets.US_ASCII);
        } catch (IOException exception) {
            throw new InvalidConfigurationException("Cannot read gatehouse.token.private-key-location " + location, exception);
        }
    }

    private void checkPemMatchesAlgorithm(JWK parsed, Path location) {
        boolean matches = switch (algorithm) {
            case ES256 -> parsed instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()) && ec.isPrivate();
            case RS256 -> parsed instanceof RSAKey rsa && rsa.size() >= RSA_KEY_BITS && rsa.isPrivate();
            case EdDSA -> parsed instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve()) && okp.isPrivate();
            case HS256 -> false;
        };
        if (!matches) {
            throw new InvalidConfigurationException("gatehouse.token.private-key-location " + location + " must hold "
                    + expectedPemKey() + " private key for " + algorithm);
        }
    }

    private String expectedPemKey() {
        return switch (algorithm) {
            case ES256 -> "a P-256 EC";
            case RS256 -> "an RSA (2048 bits or more)";
            case EdDSA -> "an Ed25519";
            case HS256 -> throw new IllegalStateException("HS256 takes its key from gatehouse.token.hmac-secret");
        };
    }

    private JWK withSigningMetadata(JWK parsed) throws JOSEException {
        String keyId = parsed.computeThumbprint().toString();
        return switch (parsed) {
            case ECKey ec -> new ECKey.Builder(ec).algorithm(jwsAlgorithm()).keyUse(KeyUse.SIGNATURE).keyID(keyId).build();
            case RSAKey rsa -> new RSAKey.Builder(rsa).algorithm(jwsAlgorithm()).keyUse(KeyUse.SIGNATURE).keyID(keyId).build();
            case OctetKeyPair okp -> new OctetKeyPair.Builder(okp).algorithm(jwsAlgorithm()).keyUse(KeyUse.SIGNATURE)
                    .keyID(keyId).build();
            default -> throw new InvalidConfigurationException("Unsupported key type " + parsed.getKeyType());
        };
    }

    private StoredKey generateKey() {
        try {
            JWK generated = switch (algorithm) {
                case ES256 -> new ECKeyGenerator(Curve.P_256).algorithm(jwsAlgorithm()).keyUse(KeyUse.SIGNATURE)
                        .keyIDFromThumbprint(true).generate();
                case RS256 -> new RSAKeyGenerator(RSA_KEY_BITS).algorithm(jwsAlgorithm()).keyUse(KeyUse.SIGNATURE)
                        .keyIDFromThumbprint(true).generate();
                case EdDSA -> new OctetKeyPairGenerator(Curve.Ed25519).algorithm(jwsAlgorithm())
                        .keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
                case HS256 -> throw new IllegalStateException("HS256 keys come from configuration");
            };
            return new StoredKey(generated.getKeyID(), generated.toJSONString());
        } catch (JOSEException exception) {
            throw new IllegalStateException("Failed to generate a " + algorithm + " signing key", exception);
        }
    }

    private static JWK parseStored(StoredKey stored) {
        try {
            return JWK.parse(stored.material());
        } catch (ParseException exception) {
            throw new IllegalStateException("Stored signing key " + stored.keyId() + " is not a valid JWK", exception);
        }
    }

    private static JWSSigner createSigner(JWK key) {
        try {
            return switch (key) {
                case ECKey ec -> new ECDSASigner(ec);
                case RSAKey rsa -> new RSASSASigner(rsa);
                case OctetKeyPair okp -> new Ed25519Signer(okp);
                case OctetSequenceKey oct -> new MACSigner(oct);
                default -> throw new IllegalStateException("Unsupported key type " + key.getKeyType());
            };
        } catch (JOSEException exception) {
            throw new IllegalStateException("Failed to create the signer for kid " + key.getKeyID(), exception);
        }
    }
}
