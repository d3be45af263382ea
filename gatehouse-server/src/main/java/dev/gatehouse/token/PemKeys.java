package dev.gatehouse.token;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPublicKeySpec;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads a signing key from PEM. Nimbus reads key pairs and RSA keys; an EC private key in PKCS#8
 * without its public key (what {@code openssl genpkey} writes) needs the public point derived first.
 * Nimbus 10 reads no Ed25519 PEM at all, so BouncyCastle reads the PKCS#8 private key and derives its
 * public key. A public-key block after the private key is ignored.
 */
final class PemKeys {

    private PemKeys() {
    }

    static JWK parse(String pem) throws JOSEException {
        try {
            return JWK.parseFromPEMEncodedObjects(pem);
        } catch (JOSEException unsupported) {
            return keyFromPrivateKeyOnly(pem).orElseThrow(() -> unsupported);
        }
    }

    private static Optional<JWK> keyFromPrivateKeyOnly(String pem) throws JOSEException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (!(parser.readObject() instanceof PrivateKeyInfo info)) {
                return Optional.empty();
            }
            if (EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                return Optional.of(ed25519Key(info));
            }
            return ecKey(info);
        } catch (IOException | GeneralSecurityException exception) {
            throw new JOSEException("Failed to read the PEM private key: " + exception.getMessage(), exception);
        }
    }

    private static JWK ed25519Key(PrivateKeyInfo info) throws IOException {
        Ed25519PrivateKeyParameters privateKey = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(info);
        Base64URL publicKey = Base64URL.encode(privateKey.generatePublicKey().getEncoded());
        return new OctetKeyPair.Builder(Curve.Ed25519, publicKey).d(Base64URL.encode(privateKey.getEncoded())).build();
    }

    private static Optional<JWK> ecKey(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
        PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey(info);
        if (!(privateKey instanceof ECPrivateKey ecPrivate)) {
            return Optional.empty();
        }
        Curve curve = Curve.forECParameterSpec(ecPrivate.getParams());
        if (curve == null) {
            return Optional.empty();
        }
        return Optional.of(new ECKey.Builder(curve, derivePublicKey(ecPrivate, curve)).privateKey(ecPrivate).build());
    }

    /** Computes the public point Q = d·G on the key's named curve. */
    private static ECPublicKey derivePublicKey(ECPrivateKey privateKey, Curve curve) throws GeneralSecurityException {
        X9ECParameters parameters = ECNamedCurveTable.getByName(curve.getStdName());
        ECPoint point = parameters.getG().multiply(privateKey.getS()).normalize();
        java.security.spec.ECPoint publicPoint = new java.security.spec.ECPoint(
                point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(publicPoint, privateKey.getParams()));
    }
}
