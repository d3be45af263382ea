package dev.gatehouse.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeyTypeException;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class Ed25519VerifierFactoryTest {

    private final Ed25519VerifierFactory factory = new Ed25519VerifierFactory(new BouncyCastleEcdsaVerifierFactory());

    @Test
    void createJWSVerifierWhenEdDsaThenVerifiesSignature() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSObject signed = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"sub\":\"alice\"}"));
        signed.sign(new Ed25519Signer(key));
        OctetKeyPairPublicKey publicKey = new OctetKeyPairPublicKey(key.toPublicJWK());

        JWSVerifier verifier = factory.createJWSVerifier(signed.getHeader(), publicKey);

        assertThat(verifier).isInstanceOf(Ed25519Verifier.class);
        assertThat(JWSObject.parse(signed.serialize()).verify(verifier)).isTrue();
    }

    @Test
    void createJWSVerifierWhenEdDsaWithOtherKeyThenSignatureRejected() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        OctetKeyPair otherKey = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSObject signed = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"sub\":\"alice\"}"));
        signed.sign(new Ed25519Signer(otherKey));
        OctetKeyPairPublicKey publicKey = new OctetKeyPairPublicKey(key.toPublicJWK());

        JWSVerifier verifier = factory.createJWSVerifier(signed.getHeader(), publicKey);

        assertThat(JWSObject.parse(signed.serialize()).verify(verifier)).isFalse();
    }

    @Test
    void createJWSVerifierWhenEdDsaWithEcKeyThenKeyTypeException() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        assertThatThrownBy(() -> factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.EdDSA), key.toECPublicKey()))
                .isInstanceOf(KeyTypeException.class);
    }

    @Test
    void createJWSVerifierWhenEs256ThenBouncyCastleVerifier() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        JWSVerifier verifier = factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.ES256), key.toECPublicKey());

        assertThat(verifier).isInstanceOf(ECDSAVerifier.class);
        assertThat(verifier.getJCAContext().getProvider()).isInstanceOf(BouncyCastleProvider.class);
    }

    @Test
    void supportedJWSAlgorithmsWhenCreatedThenIncludesEdDsaAndEs256() {
        assertThat(factory.supportedJWSAlgorithms()).contains(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256);
    }
}
