package dev.gatehouse.jose;

import java.security.Key;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Nimbus's {@link JWSVerificationKeySelector}, extended to Ed25519 keys. For EdDSA the parent
 * selects no key, because it converts each JWK to a JDK key and Nimbus 10 cannot convert an
 * {@link OctetKeyPair}. This class selects matching public Ed25519 JWKs itself and wraps them in
 * {@link OctetKeyPairPublicKey}. The checks stay those of the parent. The header's {@code alg} must be
 * one of the accepted algorithms, the key's {@code kid} and {@code kty} must match the header, and its
 * {@code use} and {@code alg} must match when the key has them.
 */
public class VerificationKeySelector<C extends SecurityContext> extends JWSVerificationKeySelector<C> {

    public VerificationKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<C> keys) {
        super(algorithms, keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, C context) throws KeySourceException {
        if (!JWSAlgorithm.Family.ED.contains(header.getAlgorithm())) {
            return super.selectJWSKeys(header, context);
        }
        // Null when the header's algorithm is not accepted.
        JWKMatcher matcher = createJWKMatcher(header);
        if (matcher == null) {
            return List.of();
        }
        return getJWKSource().get(new JWKSelector(matcher), context).stream()
                .filter(OctetKeyPair.class::isInstance)
                .map(OctetKeyPair.class::cast)
                .filter(key -> Curve.Ed25519.equals(key.getCurve()))
                .<Key>map(key -> new OctetKeyPairPublicKey(key.toPublicJWK()))
                .toList();
    }
}
