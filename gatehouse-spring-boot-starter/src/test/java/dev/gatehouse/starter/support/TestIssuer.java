package dev.gatehouse.starter.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Gatehouse stand-in on 127.0.0.1 for tests: it serves the discovery document, a JWK Set and the
 * revocation feed, and signs access tokens with Nimbus, with RS256, ES256 or EdDSA. It can be stopped and
 * started again on the same port, rotate its signing key, and make the feed fail.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "gatehouse";

    private final JWSAlgorithm algorithm;
    private final List<JWK> publishedKeys = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> revocations = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger feedRequests = new AtomicInteger();
    private final int port;
    private volatile JWK signingKey;
    private volatile boolean feedAvailable = true;
    private volatile int feedPageLimit = 1000;
    private HttpServer server;

    public TestIssuer() {
        this(JWSAlgorithm.RS256);
    }

    /** Starts an issuer that signs with, and advertises only, {@code algorithm} (RS256, ES256 or EdDSA). */
    public TestIssuer(JWSAlgorithm algorithm) {
        this.algorithm = algorithm;
        signingKey = newKey(algorithm);
        publishedKeys.add(signingKey);
        server = createServer(0);
        port = server.getAddress().getPort();
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void start() {
        if (server == null) {
            server = createServer(port);
            server.start();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Publishes a new key and signs later tokens with it; the old key stays published. */
    public JWK rotateKey() {
        JWK next = newKey(algorithm);
        publishedKeys.add(next);
        signingKey = next;
        return next;
    }

    /** Signs later tokens with a key that the JWK Set never contains. */
    public JWK unpublishedKey() {
        return newKey(algorithm);
    }

    /** Adds a key to the JWK Set without signing with it. */
    public void publish(JWK key) {
        publishedKeys.add(key);
    }

    /** Records a revocation now; synchronized with the feed, as the real store writes atomically. */
    public synchronized void revoke(String sessionId) {
        revocations.add(Map.of("sid", sessionId, "revokedAt", System.currentTimeMillis()));
    }

    public synchronized void revokeAt(String sessionId, long revokedAtMillis) {
        revocations.add(Map.of("sid", sessionId, "revokedAt", revokedAtMillis));
    }

    public void setFeedAvailable(boolean available) {
        feedAvailable = available;
    }

    public void setFeedPageLimit(int limit) {
        feedPageLimit = limit;
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    public int feedRequests() {
        return feedRequests.get();
    }

    public JWK signingKey() {
        return signingKey;
    }

    /** Claims of a valid token for a new session; {@code customizer} may change any of them. */
    public JWTClaimsSet.Builder claims(UUID userId, String sessionId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject(userId.toString())
                .claim("sid", sessionId)
                .claim("email", "user-" + userId + "@example.com")
                .claim("roles", List.of())
                .claim("permissions", List.of())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    public String token(Consumer<JWTClaimsSet.Builder> customizer) {
        JWTClaimsSet.Builder builder = claims(UUID.randomUUID(), UUID.randomUUID().toString());
        customizer.accept(builder);
        return sign(builder.build(), signingKey, new JOSEObjectType("at+jwt"));
    }

    /** Signs with RS256 for an RSA key, ES256 for a P-256 key and EdDSA for an Ed25519 key. */
    public static String sign(JWTClaimsSet claims, JWK key, JOSEObjectType type) {
        try {
            JWSAlgorithm algorithm = switch (key) {
                case ECKey ec -> JWSAlgorithm.ES256;
                case OctetKeyPair okp -> JWSAlgorithm.EdDSA;
                default -> JWSAlgorithm.RS256;
            };
            JWSSigner signer = switch (key) {
                case ECKey ec -> new ECDSASigner(ec);
                case OctetKeyPair okp -> new Ed25519Signer(okp);
                default -> new RSASSASigner((RSAKey) key);
            };
            JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException exception) {
            throw new IllegalStateException(exception);
        }
    }

    public static JWK newKey(JWSAlgorithm algorithm) {
        try {
            String keyId = UUID.randomUUID().toString();
            if (JWSAlgorithm.ES256.equals(algorithm)) {
                return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
            }
            if (JWSAlgorithm.EdDSA.equals(algorithm)) {
                return new OctetKeyPairGenerator(Curve.Ed25519).keyID(keyId).generate();
            }
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException exception) {
            throw new IllegalStateException(exception);
        }
    }

    private HttpServer createServer(int boundPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort), 0);
            created.createContext("/.well-known/openid-configuration", this::discovery);
            created.createContext("/.well-known/jwks.json", this::jwks);
            created.createContext("/sessions/revoked", this::feed);
            return created;
        } catch (IOException exception) {
            throw new IllegalStateException("Failed to bind the test issuer to 127.0.0.1:" + boundPort, exception);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String body = """
                {"issuer":"%1$s","jwks_uri":"%1$s/.well-known/jwks.json","token_endpoint":"%1$s/oauth2/token",
                 "id_token_signing_alg_values_supported":["%2$s"],"subject_types_supported":["public"],
                 "gatehouse_revoked_sessions_endpoint":"%1$s/sessions/revoked"}""".formatted(issuer(), algorithm.getName());
        respond(exchange, 200, body);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        List<JWK> publicKeys = new ArrayList<>();
        for (JWK key : publishedKeys) {
            publicKeys.add(key.toPublicJWK());
        }
        respond(exchange, 200, new JWKSet(publicKeys).toString());
    }

    /** Serves the feed as Gatehouse does: ascending revokedAt, since inclusive, capped at the page limit. */
    private synchronized void feed(HttpExchange exchange) throws IOException {
        feedRequests.incrementAndGet();
        if (!feedAvailable) {
            respond(exchange, 503, "{\"code\":\"session_store_unavailable\"}");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        long since = query != null && query.startsWith("since=") ? Long.parseLong(query.substring(6)) : 0;
        long now = System.currentTimeMillis();
        List<Map<String, Object>> page = revocations.stream()
                .filter(entry -> (long) entry.get("revokedAt") >= since)
                .sorted((left, right) -> Long.compare((long) left.get("revokedAt"), (long) right.get("revokedAt")))
                .limit(feedPageLimit)
                .toList();
        long until = page.size() == feedPageLimit ? (long) page.getLast().get("revokedAt") : now;
        StringBuilder entries = new StringBuilder();
        for (Map<String, Object> entry : page) {
            if (!entries.isEmpty()) {
                entries.append(',');
            }
            entries.append("{\"sid\":\"").append(entry.get("sid")).append("\",\"revokedAt\":")
                    .append(entry.get("revokedAt")).append('}');
        }
        respond(exchange, 200, "{\"revoked\":[" + entries + "],\"until\":" + until + "}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }
}
