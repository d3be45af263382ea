package dev.gatehouse.authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.session.ClientInfo;

/**
 * Password sign-in, refresh-token rotation and sign-out. Token responses are never cached. The token
 * endpoints declare JSON up front, so a request that cannot accept JSON gets 406 before a token is spent.
 */
@RestController
@RequestMapping("/authentication")
class AuthenticationController {

    private final AuthenticationService authentication;

    AuthenticationController(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @PostMapping(path = "/sign-in", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenPair> signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        return noStore(authentication.signIn(request.email(), request.password(), ClientInfo.of(http, null)));
    }

    @PostMapping(path = "/refresh-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshTokenRequest request) {
        return noStore(authentication.refresh(request.refreshToken(), null));
    }

    @PostMapping("/sign-out")
    ResponseEntity<Void> signOut(@Valid @RequestBody RefreshTokenRequest request) {
        authentication.signOut(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** RFC 6749, section 5.1: responses carrying tokens must not be stored by caches. */
    private static ResponseEntity<TokenPair> noStore(TokenPair tokens) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(tokens);
    }

    record SignInRequest(@NotNull String email, @NotNull String password) {

        @Override
        public String toString() {
            return "SignInRequest[email=" + email + ", password=[redacted]]";
        }
    }

    record RefreshTokenRequest(@NotNull String refreshToken) {

        @Override
        public String toString() {
            return "RefreshTokenRequest[refreshToken=[redacted]]";
        }
    }
}
