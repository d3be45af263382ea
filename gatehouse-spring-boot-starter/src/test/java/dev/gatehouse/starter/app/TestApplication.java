package dev.gatehouse.starter.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A resource service that uses every annotation of the starter; its controllers are in this package. */
@SpringBootApplication
public class TestApplication {
}
