package dev.gatehouse.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.gatehouse.authorization.Permissions;

/**
 * Access rules of every endpoint. Endpoints are authenticated unless listed as public here, so a new
 * endpoint fails closed. Bearer tokens are Gatehouse access tokens; authorities are the token's permissions
 * as they are ({@code users:read}) and its roles with the {@code ROLE_} prefix.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Endpoints that anyone may call. The OAuth endpoints are among them because they authenticate their
     * clients themselves (RFC 6749, section 2.3).
     */
    static final RequestMatcher PUBLIC_ENDPOINTS = new OrRequestMatcher(
            pathPattern("/authentication/**"),
            pathPattern("/.well-known/**"),
            pathPattern("/error"),
            pathPattern(HttpMethod.GET, "/actuator/health"),
            pathPattern(HttpMethod.GET, "/actuator/health/**"),
            pathPattern(HttpMethod.GET, "/sessions/revoked"),
            pathPattern(HttpMethod.POST, "/oauth2/token"),
            pathPattern(HttpMethod.POST, "/oauth2/revoke"),
            pathPattern(HttpMethod.POST, "/oauth2/introspect"));

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(resolver);
        http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_ENDPOINTS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/admin/users").hasAuthority(Permissions.USERS_READ)
                        .requestMatchers(HttpMethod.GET, "/admin/roles").hasAuthority(Permissions.ROLES_READ)
                        .requestMatchers(HttpMethod.POST, "/admin/roles").hasAuthority(Permissions.ROLES_WRITE)
                        .requestMatchers(HttpMethod.PUT, "/admin/users/*/roles").hasAuthority(Permissions.ROLES_ASSIGN)
                        .requestMatchers(HttpMethod.PUT, "/admin/users/*/permissions")
                                .hasAuthority(Permissions.PERMISSIONS_GRANT)
                        .requestMatchers(HttpMethod.DELETE, "/admin/users/*/sessions")
                                .hasAuthority(Permissions.SESSIONS_REVOKE)
                        .requestMatchers(HttpMethod.GET, "/admin/clients").hasAuthority(Permissions.CLIENTS_READ)
                        .requestMatchers(HttpMethod.POST, "/admin/clients", "/admin/clients/*/secret")
                                .hasAuthority(Permissions.CLIENTS_WRITE)
                        .requestMatchers(HttpMethod.DELETE, "/admin/clients/*").hasAuthority(Permissions.CLIENTS_WRITE)
                        .requestMatchers("/admin/**").denyAll()
                        .requestMatchers("/actuator/**").hasRole(Permissions.ADMIN_ROLE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(bearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new GatehouseExceptionFilter(resolver), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Spring Security's strict firewall, except that header values may contain bytes above 0x7F. Tomcat
     * decodes headers as ISO-8859-1, so a UTF-8 {@code User-Agent} such as "Bob’s iPhone" arrives with
     * characters the default rule rejects; only ASCII control characters other than tab are refused.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(SecurityConfiguration::hasNoAsciiControl);
        return firewall;
    }

    /**
     * Turns off Spring Security's own observations. With an observation registry present, Spring Security
     * would otherwise wrap every filter of every request in an observation, which a profile of the refresh
     * endpoint showed costing several percent of its CPU. Request metrics ({@code http.server.requests})
     * stay on.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Returns 400 for a request the firewall rejects, through the error dispatch, which writes problem+json. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    private static boolean hasNoAsciiControl(String value) {
        return value.chars().noneMatch(character -> character < 0x20 && character != '\t' || character == 0x7f);
    }

    /**
     * Reads the bearer token of every request except those to {@link #PUBLIC_ENDPOINTS}, which get none.
     * A public endpoint needs no token, so an expired access token or one of an ended session, which
     * clients often keep in a default {@code Authorization} header, must not turn a sign-in or refresh
     * into 401 {@code invalid_token}.
     */
    private static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver headerResolver = new DefaultBearerTokenResolver();
        return request -> PUBLIC_ENDPOINTS.matches(request) ? null : headerResolver.resolve(request);
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new AccessTokenAuthoritiesConverter());
        return converter;
    }
}
