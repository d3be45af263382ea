package dev.gatehouse.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class GatehousePropertiesTest {

    private static final GatehouseProperties.Revocation REVOCATION = new GatehouseProperties.Revocation(true,
            Duration.ofSeconds(1), Duration.ofSeconds(10));
    private static final GatehouseProperties.Jwks JWKS = new GatehouseProperties.Jwks(Duration.ofMinutes(5));

    @Test
    void constructorWhenValidThenKeepsValues() {
        GatehouseProperties properties = new GatehouseProperties(URI.create("https://auth.example.com"), "gatehouse",
                Duration.ofSeconds(30), REVOCATION, JWKS);

        assertThat(properties.issuerUri()).isEqualTo(URI.create("https://auth.example.com"));
        assertThat(properties.revocation().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void constructorWhenIssuerMissingThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties(null, "gatehouse", Duration.ofSeconds(30), REVOCATION, JWKS))
                .hasMessageContaining("gatehouse.issuer-uri is required");
    }

    @Test
    void constructorWhenIssuerRelativeThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties(URI.create("auth.example.com"), "gatehouse",
                Duration.ofSeconds(30), REVOCATION, JWKS))
                .hasMessageContaining("absolute http or https URI");
    }

    @Test
    void constructorWhenIssuerHasTrailingSlashThenRejected() {
        assertThatThrownBy(() -> new GatehouseProperties(URI.create("https://auth.example.com/"), "gatehouse",
                Duration.ofSeconds(30), REVOCATION, JWKS))
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
}
