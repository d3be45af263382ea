package dev.gatehouse.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public keys that verify access tokens (RFC 7517 JWK Set). */
@RestController
class JwksController {

    private static final Duration CACHE_LIFETIME = Duration.ofMinutes(5);

    private final Map<String, Object> publicKeys;

    JwksController(SigningKeys keys) {
        this.publicKeys = keys.publicKeys().toJSONObject(true);
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHE_LIFETIME).cachePublic()).body(publicKeys);
    }
}
