package dev.gatehouse.starter.autoconfigure;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

import dev.gatehouse.starter.GatehouseProperties;
import dev.gatehouse.starter.revocation.RevocationFeed;
import dev.gatehouse.starter.revocation.RevokedSessions;
import dev.gatehouse.starter.token.GatehouseJwtDecoder;
import dev.gatehouse.starter.token.IssuerHttpClient;
import dev.gatehouse.starter.token.IssuerMetadataResolver;
import dev.gatehouse.starter.web.BearerTokenFilter;
import dev.gatehouse.starter.web.CurrentUserArgumentResolver;
import dev.gatehouse.starter.web.EndpointAuthorizationInterceptor;
import dev.gatehouse.starter.web.EndpointRules;
import dev.gatehouse.starter.web.EndpointRulesVerifier;
import dev.gatehouse.starter.web.PublicPaths;

/**
 * Protects a servlet application with Gatehouse access tokens once {@code gatehouse.issuer-uri} is set.
 * The security filter chain only authenticates bearer tokens and lets every request through; the access
 * rules of the endpoint annotations are enforced by a Spring MVC interceptor, which has the handler at hand.
 * It runs before Spring Boot's security auto-configuration, whose default filter chain and generated
 * user then back off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("gatehouse.issuer-uri")
@EnableConfigurationProperties(GatehouseProperties.class)
@EnableWebSecurity
public class GatehouseAutoConfiguration {

    @Bean
    IssuerHttpClient gatehouseIssuerHttpClient() {
        return new IssuerHttpClient();
    }

    @Bean
    IssuerMetadataResolver gatehouseIssuerMetadataResolver(GatehouseProperties properties, IssuerHttpClient httpClient) {
        return new IssuerMetadataResolver(properties.issuerUri(), httpClient);
    }

    @Bean
    GatehouseJwtDecoder gatehouseJwtDecoder(IssuerMetadataResolver metadataResolver, IssuerHttpClient httpClient,
            GatehouseProperties properties, ObjectProvider<Clock> clock) {
        return new GatehouseJwtDecoder(metadataResolver, httpClient, properties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "gatehouse.revocation.enabled", matchIfMissing = true)
    RevokedSessions gatehouseRevokedSessions(GatehouseProperties properties, ObjectProvider<Clock> clock) {
        return new RevokedSessions(properties.revocation().maxStaleness(), properties.clockSkew(),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "gatehouse.revocation.enabled", matchIfMissing = true)
    RevocationFeed gatehouseRevocationFeed(IssuerMetadataResolver metadataResolver, IssuerHttpClient httpClient,
            RevokedSessions revokedSessions, GatehouseProperties properties) {
        return new RevocationFeed(metadataResolver, httpClient, revokedSessions, properties.revocation().pollInterval());
    }

    /**
     * Ordered last, so that an application's own chains with a narrower {@code securityMatcher}, such as
     * one for the actuator, are consulted first.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    SecurityFilterChain gatehouseSecurityFilterChain(HttpSecurity http, GatehouseJwtDecoder decoder,
            ObjectProvider<RevokedSessions> revokedSessions) throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Access decisions need the handler's annotations, so the interceptor makes them.
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new BearerTokenFilter(decoder, revokedSessions.getIfAvailable()),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    EndpointRules gatehouseEndpointRules(ListableBeanFactory beanFactory) {
        return new EndpointRules(beanFactory);
    }

    @Bean
    EndpointRulesVerifier gatehouseEndpointRulesVerifier(ListableBeanFactory beanFactory, EndpointRules rules) {
        return new EndpointRulesVerifier(beanFactory, rules);
    }

    /** Every handler mapping adds {@link MappedInterceptor} beans to its interceptors, for all paths. */
    @Bean
    MappedInterceptor gatehouseEndpointAuthorizationInterceptor(EndpointRules rules, GatehouseProperties properties) {
        return new MappedInterceptor(null,
                new EndpointAuthorizationInterceptor(rules, new PublicPaths(properties.publicPaths())));
    }

    @Bean
    WebMvcConfigurer gatehouseCurrentUserConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
