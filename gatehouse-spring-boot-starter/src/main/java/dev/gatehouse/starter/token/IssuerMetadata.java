package dev.gatehouse.starter.token;

import java.net.URI;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The parts of the issuer's discovery document that the starter uses.
 *
 * @param issuer the {@code issuer} member, equal to {@code gatehouse.issuer-uri}
 * @param jwksUri the {@code jwks_uri} member
 * @param signingAlgorithms the asymmetric algorithms of {@code id_token_signing_alg_values_supported},
 *        the only ones accepted on access tokens
 * @param revokedSessionsUri the {@code gatehouse_revoked_sessions_endpoint} member, or
 *        {@code {issuer}/sessions/revoked} when the document has none
 */
public record IssuerMetadata(String issuer, URI jwksUri, Set<JWSAlgorithm> signingAlgorithms, URI revokedSessionsUri) {

    public IssuerMetadata {
        signingAlgorithms = Set.copyOf(signingAlgorithms);
    }
}
