package dev.gatehouse.oauth;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.authentication.AuthenticationService;
import dev.gatehouse.authentication.TokenPair;
import dev.gatehouse.client.OAuthClient;
import dev.gatehouse.session.ClientInfo;

/**
 * The OAuth 2.0 token endpoint (RFC 6749, section 3.2) with the {@code refresh_token} grant and the
 * legacy {@code password} grant. Both go through the same sessions as the JSON endpoints under
 * {@code /authentication}: the same rotation, retry leeway and reuse detection. A session started by a
 * client is bound to it, and its access tokens carry {@code client_id}.
 */
@RestController
class TokenController {

    static final String REFRESH_TOKEN_GRANT = "refresh_token";
    /**
     * The resource owner password credentials grant (RFC 6749, section 4.3). OAuth 2.0 Security Best Current
     * Practice (RFC 9700, section 2.4) forbids it, so it is kept only for clients that cannot move yet.
     */
    static final String PASSWORD_GRANT = "password";

    private final ClientAuthenticator clientAuthenticator;
    private final AuthenticationService authentication;

    TokenController(ClientAuthenticator clientAuthenticator, AuthenticationService authentication) {
        this.clientAuthenticator = clientAuthenticator;
        this.authentication = authentication;
    }

    @PostMapping(path = "/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> token(HttpServletRequest request) {
        FormParameters form = FormParameters.read(request);
        Optional<OAuthClient> client = clientAuthenticator.authenticate(request, form);
        String clientId = client.map(OAuthClient::clientId).orElse(null);
        String grantType = form.require("grant_type");

        TokenPair tokens = switch (grantType) {
            case REFRESH_TOKEN_GRANT -> authentication.refresh(form.require("refresh_token"), clientId);
            case PASSWORD_GRANT -> authentication.signIn(form.require("username"), form.require("password"),
                    ClientInfo.of(request, clientId));
            default -> throw OAuthException.unsupportedGrantType("Grant type " + grantType
                    + " is not supported; use refresh_token or password.");
        };
        return noStore(TokenResponse.of(tokens));
    }

    /** RFC 6749, section 5.1: responses carrying tokens must not be stored by caches. */
    private static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(tokens);
    }

    /**
     * A successful token response (RFC 6749, section 5.1).
     *
     * @param expiresIn lifetime of the access token in seconds
     */
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(TokenPair tokens) {
            return new TokenResponse(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), tokens.refreshToken());
        }

        @Override
        public String toString() {
            return "TokenResponse[accessToken=[redacted], tokenType=" + tokenType + ", expiresIn=" + expiresIn
                    + ", refreshToken=[redacted]]";
        }
    }
}
