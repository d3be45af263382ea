package dev.gatehouse.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class GatehouseExceptionTest {

    @Test
    void constructorWhenNoCauseThenNoStackTrace() {
        GatehouseException exception = new ServiceUnavailableException("busy", "Busy.", Duration.ofSeconds(1));

        assertThat(exception.getStackTrace()).isEmpty();
        assertThat(exception.getMessage()).isEqualTo("Busy.");
        assertThat(exception.code()).isEqualTo("busy");
    }

    @Test
    void constructorWhenCauseThenKeepsStackTrace() {
        IOException cause = new IOException("connection reset");

        GatehouseException exception = new ServiceUnavailableException("store_down", "Down.", Duration.ofSeconds(1),
                cause);

        assertThat(exception.getStackTrace()).isNotEmpty();
        assertThat(exception.getCause()).isSameAs(cause);
    }
}
