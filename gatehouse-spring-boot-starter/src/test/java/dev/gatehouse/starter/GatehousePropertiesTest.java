package dev.gatehouse.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class GatehousePropertiesTest {

    private static final GatehouseProperties.Revocation REVOCATION = new GatehouseProperties.Revocation(true,
            Duration.ofSeconds(1), Duration.ofSeconds(10));
    private static final GatehouseProperties.Jwks JWKS = new GatehouseProperties.Jwks(Duration.ofMinutes(5));

    @Test
    void constructorWhenValidThenKeepsValues() {
        GatehouseProperties properties = new GatehouseProperties(URI.create("https://auth.example.com"), "gatehouse",
                Duration.ofSeconds(30), REVOCATION, JWKS, List.of());

        assertThat(properties.issuerUri()).isEqualTo(URI.create("https://auth.example.com"));
        assertThat(properties.revocation().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void constructorWhenIssuerMissingThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties(null, "gatehouse", Duration.ofSeconds(30), REVOCATION, JWKS, List.of()))
                .hasMessageContaining("gatehouse.issuer-uri is required");
    }

    @Test
    void constructorWhenIssuerRelativeThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties(URI.create("auth.example.com"), "gatehouse",
                Duration.ofSeconds(30), REVOCATION, JWKS, List.of()))
                .hasMessageContaining("absolute http or https URI");
    }

    @Test
    void constructorWhenIssuerHasTrailingSlashThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties(URI.create("https://auth.example.com/"), "gatehouse",
                Duration.ofSeconds(30), REVOCATION, JWKS, List.of()))
                .hasMessageContaining("must not end with '/'");
    }

    @Test
    void revocationWhenMaxStalenessNotAbovePollIntervalThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties.Revocation(true, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .hasMessageContaining("gatehouse.revocation.max-staleness");
    }

    @Test
    void jwksWhenCacheLifetimeZeroThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties.Jwks(Duration.ZERO))
                .hasMessageContaining("gatehouse.jwks.cache-lifetime");
    }

    @Test
    void constructorWhenPublicPathsValidThenKeepsThem() {
        GatehouseProperties properties = withPublicPaths(List.of("/actuator/health", "/actuator/health/**"));

        assertThat(properties.publicPaths()).containsExactly("/actuator/health", "/actuator/health/**");
    }

    @Test
    void constructorWhenPublicPathInvalidThenRejected() {
        assertThatThrownBy(() -> withPublicPaths(List.of("/orders/{id")))
                .hasMessageContaining("gatehouse.public-paths")
                .hasMessageContaining("/orders/{id");
    }

    @Test
    void constructorWhenPublicPathRelativeThenRejected() {
        assertThatThrownBy(() -> withPublicPaths(List.of("actuator/health")))
                .hasMessageContaining("gatehouse.public-paths")
                .hasMessageContaining("start with '/'");
    }

    private static GatehouseProperties withPublicPaths(List<String> publicPaths) {
        return new GatehouseProperties(URI.create("https://auth.example.com"), "gatehouse", Duration.ofSeconds(30),
                REVOCATION, JWKS, publicPaths);
    }
}
