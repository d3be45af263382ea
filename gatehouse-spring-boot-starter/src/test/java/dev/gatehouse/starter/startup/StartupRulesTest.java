package dev.gatehouse.starter.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gatehouse.starter.GatehousePolicy;
import dev.gatehouse.starter.GatehouseUser;
import dev.gatehouse.starter.Permissions;
import dev.gatehouse.starter.Policy;
import dev.gatehouse.starter.Public;
import dev.gatehouse.starter.Roles;
import dev.gatehouse.starter.revocation.RevocationFeed;
import dev.gatehouse.starter.support.TestApps;
import dev.gatehouse.starter.support.TestIssuer;
import dev.gatehouse.starter.token.GatehouseJwtDecoder;

class StartupRulesTest {

    private static final TestIssuer ISSUER = new TestIssuer();

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void startWhenPublicMethodInClassWithRolesThenFailsNamingMethod() {
        assertThatThrownBy(() -> start(PublicInRolesClassApp.class))
                .satisfies(failure -> assertThat(rootMessage(failure))
                        .contains(PublicInRolesClassController.class.getName() + ".open")
                        .contains("@Public"));
    }

    @Test
    void startWhenPublicAndPermissionsOnMethodThenFailsNamingMethod() {
        assertThatThrownBy(() -> start(PublicWithPermissionsApp.class))
                .satisfies(failure -> assertThat(rootMessage(failure))
                        .contains(PublicWithPermissionsController.class.getName() + ".both")
                        .contains("@Public"));
    }

    @Test
    void startWhenPolicyBeanMissingThenFailsNamingPolicy() {
        assertThatThrownBy(() -> start(MissingPolicyApp.class))
                .satisfies(failure -> assertThat(rootMessage(failure))
                        .contains(MissingPolicyController.class.getName() + ".guarded")
                        .contains(UnregisteredPolicy.class.getName()));
    }

    @Test
    void startWhenPermissionsEmptyThenFailsNamingMethod() {
        assertThatThrownBy(() -> start(EmptyPermissionsApp.class))
                .satisfies(failure -> assertThat(rootMessage(failure))
                        .contains(EmptyPermissionsController.class.getName() + ".nothing")
                        .contains("names no permission"));
    }

    @Test
    void startWhenIssuerUriEndsWithSlashThenFailsNamingProperty() {
        assertThatThrownBy(() -> TestApps.start(PublicInRolesClassApp.class, ISSUER.issuer() + "/"))
                .satisfies(failure -> assertThat(rootMessage(failure)).contains("gatehouse.issuer-uri"));
    }

    @Test
    void startWhenPublicPathInvalidThenFails() {
        assertThatThrownBy(() -> TestApps.start(ValidApp.class, ISSUER.issuer(), "gatehouse.public-paths=/orders/{id"))
                .satisfies(failure -> assertThat(rootMessage(failure)).contains("gatehouse.public-paths"));
    }

    @Test
    void startWhenIssuerUriMissingThenStarterOff() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PublicInRolesClassApp.class)
                .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off")
                .run()) {
            assertThat(context.getBeanNamesForType(GatehouseJwtDecoder.class)).isEmpty();
            assertThat(context.getBeanNamesForType(RevocationFeed.class)).isEmpty();
        }
    }

    @Test
    void startWhenAnnotationsValidThenStarts() {
        try (ConfigurableApplicationContext context = start(ValidApp.class)) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Class<?> app) {
        return TestApps.start(app, ISSUER.issuer());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return String.valueOf(root.getMessage());
    }

    @RestController
    @Roles("admin")
    static class PublicInRolesClassController {

        @Public
        @GetMapping("/open")
        String open() {
            return "open";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(PublicInRolesClassController.class)
    static class PublicInRolesClassApp {
    }

    @RestController
    static class PublicWithPermissionsController {

        @Public
        @Permissions("orders:read")
        @GetMapping("/both")
        String both() {
            return "both";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(PublicWithPermissionsController.class)
    static class PublicWithPermissionsApp {
    }

    static class UnregisteredPolicy implements GatehousePolicy {

        @Override
        public boolean permits(GatehouseUser user, HttpServletRequest request) {
            return true;
        }
    }

    @RestController
    static class MissingPolicyController {

        @Policy(UnregisteredPolicy.class)
        @GetMapping("/guarded")
        String guarded() {
            return "guarded";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(MissingPolicyController.class)
    static class MissingPolicyApp {
    }

    @RestController
    static class EmptyPermissionsController {

        @Permissions
        @GetMapping("/nothing")
        String nothing() {
            return "nothing";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(EmptyPermissionsController.class)
    static class EmptyPermissionsApp {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({MissingPolicyController.class, UnregisteredPolicy.class})
    static class ValidApp {
    }
}
