package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class GatehousePropertiesTest {

    @Test
    void issuerWhenTrailingSlashThenInvalidConfiguration() {
        assertThatThrownBy(() -> withIssuer("https://auth.example.com/"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gatehouse.issuer must not end with '/'");
    }

    @Test
    void issuerWhenNoTrailingSlashThenAccepted() {
        assertThat(withIssuer("https://auth.example.com").issuer()).isEqualTo("https://auth.example.com");
    }

    private static GatehouseProperties withIssuer(String issuer) {
        return new GatehouseProperties(issuer, "gatehouse", Path.of("data"),
                new GatehouseProperties.Token(GatehouseProperties.SigningAlgorithm.ES256, Duration.ofMinutes(15),
                        Duration.ofSeconds(30), null, null),
                new GatehouseProperties.Session(GatehouseProperties.SessionStoreType.MEMORY, Duration.ofDays(14),
                        Duration.ofDays(30), Duration.ofSeconds(10), "gatehouse:"),
                new GatehouseProperties.Keys(null), new GatehouseProperties.Admin(null, null));
    }
}
