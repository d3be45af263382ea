package dev.gatehouse.starter.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a test service of its own, on a free port of 127.0.0.1, for tests that need fresh state. */
public final class TestApps {

    private TestApps() {
    }

    public static ConfigurableApplicationContext start(Class<?> source, String issuer, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "gatehouse.issuer-uri=" + issuer));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(source)
                .web(WebApplicationType.SERVLET)
                .properties(all.toArray(String[]::new))
                .run();
    }

    public static HttpTestClient client(ConfigurableApplicationContext context) {
        return new HttpTestClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
