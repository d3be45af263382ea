package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package-by-feature rules: no cycles between features, and vendor types only inside their adapters. */
@AnalyzeClasses(packages = "dev.gatehouse",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeAotGenerated.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("dev.gatehouse.(*)..")
            .should().beFreeOfCycles();

    /**
     * Nimbus JOSE+JWT stays behind the token and key adapters and the shared gatehouse-jose module. Other
     * features see Spring's {@code Jwt}.
     */
    @ArchTest
    static final ArchRule nimbusOnlyInTokenAndKeys = noClasses()
            .that().resideOutsideOfPackages("dev.gatehouse.token..", "dev.gatehouse.keys..", "dev.gatehouse.jose..")
            .should().dependOnClassesThat().resideInAPackage("com.nimbusds..");

    @ArchTest
    static final ArchRule redisOnlyInSession = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "org.springframework.data.redis..",
                    "org.springframework.boot.data.redis..");

    /**
     * Leaves out what Spring's ahead-of-time processing writes into the classes folder when the jar is
     * packaged: bean registrations ({@code Name__BeanDefinitions}), which name every auto-configuration,
     * and subclasses of proxied beans ({@code Name$$SpringCGLIB$$0}).
     */
    static final class DoNotIncludeAotGenerated implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
        }
    }
}
