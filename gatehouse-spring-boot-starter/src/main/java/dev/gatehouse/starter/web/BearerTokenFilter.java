package dev.gatehouse.starter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.gatehouse.starter.GatehouseAuthoritiesConverter;
import dev.gatehouse.starter.GatehouseUser;
import dev.gatehouse.starter.revocation.RevokedSessions;
import dev.gatehouse.starter.token.IssuerUnavailableException;

/**
 * Authenticates a request that carries a bearer token (RFC 6750, section 2.1) and lets every request
 * through to Spring MVC, where {@link EndpointAuthorizationInterceptor} decides whether the endpoint
 * needs a user. A presented token must be valid on every endpoint, public ones included: otherwise the
 * request gets 401 {@code invalid_token}, or 503 when the issuer or the revocation feed cannot vouch for it.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute that carries the {@link GatehouseUser} of a verified token. */
    static final String USER_ATTRIBUTE = GatehouseUser.class.getName();

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private final BearerTokenResolver tokenResolver = new DefaultBearerTokenResolver();
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();
    private final JwtAuthenticationConverter authenticationConverter = new JwtAuthenticationConverter();
    private final JwtDecoder decoder;
    private final @Nullable RevokedSessions revokedSessions;

    /** @param revokedSessions the revoked sessions to check, or {@code null} when revocation checks are off */
    public BearerTokenFilter(JwtDecoder decoder, @Nullable RevokedSessions revokedSessions) {
        this.decoder = decoder;
        this.revokedSessions = revokedSessions;
        authenticationConverter.setJwtGrantedAuthoritiesConverter(new GatehouseAuthoritiesConverter());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token;
        try {
            token = tokenResolver.resolve(request);
        } catch (OAuth2AuthenticationException malformed) {
            log.debug("Rejected a malformed Authorization header: {}", malformed.getError().getErrorCode());
            ProblemResponses.invalidToken(response);
            return;
        }
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }

        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (IssuerUnavailableException unavailable) {
            log.debug("Rejected a token because the issuer is unavailable: {}", unavailable.getMessage());
            ProblemResponses.issuerUnavailable(response);
            return;
        } catch (BadJwtException invalid) {
            log.debug("Rejected an invalid access token: {}", invalid.getMessage());
            ProblemResponses.invalidToken(response);
            return;
        } catch (JwtException keySourceFailure) {
            rejectForKeySource(keySourceFailure, response);
            return;
        }

        GatehouseUser user = GatehouseUser.from(jwt);
        if (revokedSessions != null && !passesRevocationCheck(user, jwt, response)) {
            return;
        }

        authenticate(request, jwt, user);
        chain.doFilter(request, response);
    }

    /**
     * Handles the plain {@link JwtException} that NimbusJwtDecoder raises when the JWK Set cannot be read.
     * A refetch that the rate limit blocked means the key id was missing from a JWK Set fetched moments
     * ago, so the token is invalid. Any other failure means the issuer is unreachable.
     */
    private static void rejectForKeySource(JwtException failure, HttpServletResponse response) throws IOException {
        if (hasCause(failure, RateLimitReachedException.class)) {
            log.debug("Rejected a token whose key id is not in the recently fetched JWK Set");
            ProblemResponses.invalidToken(response);
            return;
        }
        log.debug("Rejected a token because the JWK Set is unavailable: {}", failure.getMessage());
        ProblemResponses.issuerUnavailable(response);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private boolean passesRevocationCheck(GatehouseUser user, Jwt jwt, HttpServletResponse response)
            throws IOException {
        RevokedSessions sessions = revokedSessions;
        if (sessions == null) {
            return true;
        }
        sessions.observe(jwt);
        if (sessions.isRevoked(user.sessionId())) {
            log.debug("Rejected a token of revoked session {} of user {}", user.sessionId(), user.id());
            ProblemResponses.invalidToken(response);
            return false;
        }
        if (sessions.mayHaveBeenDropped(jwt)) {
            log.debug("Rejected a token of session {} for now: it lives longer than revoked session ids were kept, "
                    + "so the revocation feed is read again from the start", user.sessionId());
            ProblemResponses.revocationStatusUnknown(response);
            return false;
        }
        if (!sessions.isCurrent()) {
            log.debug("Rejected a token of session {}: the revocation feed is out of date", user.sessionId());
            ProblemResponses.revocationStatusUnknown(response);
            return false;
        }
        return true;
    }

    private void authenticate(HttpServletRequest request, Jwt jwt, GatehouseUser user) {
        AbstractAuthenticationToken authentication = authenticationConverter.convert(jwt);
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        contextHolder.setContext(context);
        request.setAttribute(USER_ATTRIBUTE, user);
    }
}
