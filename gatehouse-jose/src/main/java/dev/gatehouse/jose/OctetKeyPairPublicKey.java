package dev.gatehouse.jose;

import java.security.PublicKey;

import com.nimbusds.jose.jwk.OctetKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * Carries a public Ed25519 JWK through Nimbus's verification API, which hands keys from the key
 * selector to the verifier factory as {@link java.security.Key}. Nimbus 10 cannot convert an
 * {@link OctetKeyPair} to a JDK key ({@code toPublicKey()} throws), and its {@code Ed25519Verifier}
 * takes the JWK itself, so {@link VerificationKeySelector} wraps the JWK and
 * {@link Ed25519VerifierFactory} unwraps it. The key has no encoded form.
 *
 * @param jwk the public JWK, without the private part {@code d}
 */
record OctetKeyPairPublicKey(OctetKeyPair jwk) implements PublicKey {

    OctetKeyPairPublicKey {
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException("Expected a public OKP key, kid " + jwk.getKeyID());
        }
    }

    @Override
    public String getAlgorithm() {
        return jwk.getCurve().getName();
    }

    @Override
    public @Nullable String getFormat() {
        return null;
    }

    @Override
    public byte @Nullable [] getEncoded() {
        return null;
    }
}
