package dev.gatehouse.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

class VerificationKeySelectorTest {

    @Test
    void selectJWSKeysWhenEdDsaThenPublicEd25519Key() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        VerificationKeySelector<SecurityContext> selector = selector(Set.of(JWSAlgorithm.EdDSA), new JWKSet(key));

        List<Key> selected = selector.selectJWSKeys(header(JWSAlgorithm.EdDSA, "ed-1"), null);

        assertThat(selected).singleElement().isInstanceOf(OctetKeyPairPublicKey.class);
        OctetKeyPair selectedJwk = ((OctetKeyPairPublicKey) selected.getFirst()).jwk();
        assertThat(selectedJwk.isPrivate()).isFalse();
        assertThat(selectedJwk.getX()).isEqualTo(key.getX());
    }

    @Test
    void selectJWSKeysWhenEdDsaNotAcceptedThenEmpty() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        VerificationKeySelector<SecurityContext> selector = selector(Set.of(JWSAlgorithm.ES256), new JWKSet(key));

        List<Key> selected = selector.selectJWSKeys(header(JWSAlgorithm.EdDSA, "ed-1"), null);

        assertThat(selected).isEmpty();
    }

    @Test
    void selectJWSKeysWhenKidUnknownThenEmpty() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        VerificationKeySelector<SecurityContext> selector = selector(Set.of(JWSAlgorithm.EdDSA), new JWKSet(key));

        List<Key> selected = selector.selectJWSKeys(header(JWSAlgorithm.EdDSA, "ed-2"), null);

        assertThat(selected).isEmpty();
    }

    @Test
    void selectJWSKeysWhenOnlyX25519KeyThenEmpty() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.X25519).keyID("ed-1").generate();
        VerificationKeySelector<SecurityContext> selector = selector(Set.of(JWSAlgorithm.EdDSA), new JWKSet(key));

        List<Key> selected = selector.selectJWSKeys(header(JWSAlgorithm.EdDSA, "ed-1"), null);

        assertThat(selected).isEmpty();
    }

    @Test
    void selectJWSKeysWhenEs256ThenJdkPublicKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        VerificationKeySelector<SecurityContext> selector = selector(Set.of(JWSAlgorithm.ES256), new JWKSet(key));

        List<Key> selected = selector.selectJWSKeys(header(JWSAlgorithm.ES256, "ec-1"), null);

        assertThat(selected).containsExactly(key.toECPublicKey());
        assertThat(selected.getFirst()).isInstanceOf(ECPublicKey.class);
    }

    private static VerificationKeySelector<SecurityContext> selector(Set<JWSAlgorithm> algorithms, JWKSet keys) {
        return new VerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(keys));
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
        return new JWSHeader.Builder(algorithm).keyID(keyId).build();
    }
}
