package dev.gatehouse.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class BouncyCastleEcdsaVerifierFactoryTest {

    private final BouncyCastleEcdsaVerifierFactory factory = new BouncyCastleEcdsaVerifierFactory();

    @Test
    void createJWSVerifierWhenEcKeyThenBouncyCastleVerifiesSignature() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        JWSObject signed = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"sub\":\"alice\"}"));
        signed.sign(new ECDSASigner(key));

        JWSVerifier verifier = factory.createJWSVerifier(signed.getHeader(), key.toECPublicKey());

        assertThat(verifier.getJCAContext().getProvider()).isInstanceOf(BouncyCastleProvider.class);
        assertThat(JWSObject.parse(signed.serialize()).verify(verifier)).isTrue();
    }

    @Test
    void createJWSVerifierWhenRsaKeyThenJdkProviderKept() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();

        JWSVerifier verifier = factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.RS256), key.toRSAPublicKey());

        assertThat(verifier.getJCAContext().getProvider()).isNull();
    }
}
