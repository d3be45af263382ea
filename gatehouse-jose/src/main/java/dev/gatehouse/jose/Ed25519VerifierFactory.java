package dev.gatehouse.jose;

import java.security.Key;
import java.util.LinkedHashSet;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeyTypeException;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;

/**
 * Creates Nimbus's {@link Ed25519Verifier} (backed by Tink) for EdDSA, from the keys that
 * {@link VerificationKeySelector} selects, and leaves every other algorithm to the wrapped factory.
 * Nimbus's own {@code DefaultJWSVerifierFactory} has no EdDSA support.
 */
public final class Ed25519VerifierFactory implements JWSVerifierFactory {

    private final JWSVerifierFactory others;
    private final Set<JWSAlgorithm> supported;

    public Ed25519VerifierFactory(JWSVerifierFactory others) {
        this.others = others;
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(others.supportedJWSAlgorithms());
        algorithms.addAll(Ed25519Verifier.SUPPORTED_ALGORITHMS);
        this.supported = Set.copyOf(algorithms);
    }

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        if (!Ed25519Verifier.SUPPORTED_ALGORITHMS.contains(header.getAlgorithm())) {
            return others.createJWSVerifier(header, key);
        }
        if (!(key instanceof OctetKeyPairPublicKey publicKey)) {
            throw new KeyTypeException(OctetKeyPairPublicKey.class);
        }
        return new Ed25519Verifier(publicKey.jwk());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return supported;
    }

    @Override
    public JCAContext getJCAContext() {
        return others.getJCAContext();
    }
}
