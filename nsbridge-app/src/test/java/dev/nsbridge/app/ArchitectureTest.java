package dev.nsbridge.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.nsbridge.spi.connection.ConnectionType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/ARCHITECTURE.md, held against the compiled main classes of every module this one
 * depends on (that is, all of them but the benchmarks). A rule broken names the class and the call that breaks it.
 */
final class ArchitectureTest {
    private static final String SPI = "dev.nsbridge.spi..";
    private static final String NETSUITE = "dev.nsbridge.netsuite..";
    private static final String KLAVIYO = "dev.nsbridge.klaviyo..";
    private static final String WAREHOUSE = "dev.nsbridge.warehouse..";
    private static final String ENGINE = "dev.nsbridge.engine..";
    private static final String FLOWS = "dev.nsbridge.flows..";
    private static final String SANDBOX = "dev.nsbridge.sandbox..";
    private static final String APP = "dev.nsbridge.app..";
    private static final String TEST_SUPPORT = "dev.nsbridge.testsupport..";
    private static final String KAFKA_CONNECT = "dev.nsbridge.kafka..";
    /**
     * What of NetSuite the flows may use: the client they are handed ({@code NetSuiteClient}, in the module's root
     * package), the source that reads streams, and the records API that writes a field back. SuiteQL text, its
     * pages and rows, HTTP, auth and governance stay behind the source.
     */
    private static final String[] NETSUITE_SOURCE_API = {"dev.nsbridge.netsuite", "dev.nsbridge.netsuite.source",
            "dev.nsbridge.netsuite.records"};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.nsbridge");
    }

    @Test
    void shouldSeeEveryModulesMainClasses() {
        // A rule over no classes passes whatever the code does: make sure each module is really there.
        for (String module : List.of(SPI, NETSUITE, KLAVIYO, WAREHOUSE, ENGINE, FLOWS, SANDBOX, APP)) {
            String prefix = module.substring(0, module.length() - 2);
            assertThat(main.stream().filter(c -> c.getPackageName().startsWith(prefix)).count()).as(module)
                    .isGreaterThan(5);
        }
    }

    @Test
    void shouldKeepTheSpiFreeOfEveryModule() {
        check(noClasses().that().resideInAPackage(SPI).should().dependOnClassesThat()
                .resideInAnyPackage(NETSUITE, KLAVIYO, WAREHOUSE, ENGINE, FLOWS, SANDBOX, APP)
                .because("the spi is the vocabulary every module shares, so it can depend on none"));
    }

    @Test
    void shouldKeepTheEngineFreeOfEverySystem() {
        check(noClasses().that().resideInAPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage(NETSUITE, KLAVIYO, WAREHOUSE, FLOWS, SANDBOX, APP)
                .because("the engine runs any source into any destination and knows no system"));
    }

    @Test
    void shouldKeepEachConnectorToItsOwnSystem() {
        check(noClasses().that().resideInAPackage(NETSUITE).should().dependOnClassesThat()
                .resideInAnyPackage(KLAVIYO, WAREHOUSE, ENGINE, FLOWS, SANDBOX, APP)
                .because("the NetSuite connector knows only NetSuite"));
        check(noClasses().that().resideInAPackage(KLAVIYO).should().dependOnClassesThat()
                .resideInAnyPackage(NETSUITE, WAREHOUSE, ENGINE, FLOWS, SANDBOX, APP)
                .because("the Klaviyo connector knows only Klaviyo"));
        check(noClasses().that().resideInAPackage(WAREHOUSE).should().dependOnClassesThat()
                .resideInAnyPackage(NETSUITE, KLAVIYO, ENGINE, FLOWS, SANDBOX, APP)
                .because("the warehouse destinations know only their databases"));
    }

    @Test
    void shouldLeaveFlowsFreeOfTheEngineWarehouseAndApp() {
        check(noClasses().that().resideInAPackage(FLOWS).should().dependOnClassesThat()
                .resideInAnyPackage(WAREHOUSE, ENGINE, SANDBOX, APP)
                .because("the flows tie NetSuite to Klaviyo and nothing else"));
    }

    @Test
    void shouldLetFlowsReadNetSuiteOnlyThroughItsPublicSourceApi() {
        check(noClasses().that().resideInAPackage(FLOWS).should().dependOnClassesThat(
                        resideInAPackage(NETSUITE).and(not(resideInAnyPackage(NETSUITE_SOURCE_API))))
                .because("one reader per system: flows read NetSuite through its source, as extracts do, and"
                        + " never write SuiteQL paging or parse its rows themselves"));
    }

    @Test
    void shouldKeepTheSandboxFreeOfOurCode() {
        check(noClasses().that().resideInAPackage(SANDBOX).should().dependOnClassesThat()
                .resideInAnyPackage(SPI, NETSUITE, KLAVIYO, WAREHOUSE, ENGINE, FLOWS, APP)
                .because("the sandbox imitates NetSuite and Klaviyo on its own, so no client's mistake is mirrored"));
    }

    @Test
    void shouldStartTheSandboxOnlyFromTheDemoAndTheSandboxCommand() {
        check(noClasses().that().resideOutsideOfPackages(SANDBOX, "dev.nsbridge.app.demo..")
                .and().doNotHaveFullyQualifiedName("dev.nsbridge.app.cli.DemoCommand")
                .and().doNotHaveFullyQualifiedName("dev.nsbridge.app.cli.RootCommand")
                .should().dependOnClassesThat().resideInAPackage(SANDBOX)
                .because("the product talks to the real services; only the demo and `nsbridge sandbox` start the"
                        + " local ones"));
    }

    @Test
    void shouldKeepTestSupportOutOfMainCode() {
        // The benchmarks may use it (they start the tests' PostgreSQL); they are not on this module's classpath.
        check(noClasses().that().resideOutsideOfPackage(TEST_SUPPORT).should().dependOnClassesThat()
                .resideInAPackage(TEST_SUPPORT)
                .because("test support is a test-scope dependency: the product must run without it"));
    }

    @Test
    void shouldLetNothingDependOnTheKafkaConnectPlugin() {
        check(noClasses().that().resideOutsideOfPackage(KAFKA_CONNECT).should().dependOnClassesThat()
                .resideInAPackage(KAFKA_CONNECT)
                .because("the Kafka Connect plugin is an entry point of its own, loaded by Connect workers"));
    }

    @Test
    void shouldKeepKafkaConnectAndItsJettyOutOfTheServer() throws Exception {
        ClassLoader loader = ArchitectureTest.class.getClassLoader();
        assertThat(loader.getResource("org/apache/kafka/connect/runtime/Connect.class"))
                .as("Connect's runtime on the server's class path").isNull();
        // The server runs on the Jetty its Javalin was built on, not the older line Connect's runtime brings.
        Class<?> jetty = Class.forName("org.eclipse.jetty.util.Jetty", true, loader);
        assertThat((String) jetty.getField("VERSION").get(null)).startsWith("12.1.");
    }

    @Test
    void shouldFindConnectionTypesOnlyThroughTheServiceLoader() {
        check(noClasses().should().callConstructorWhere(target(owner(implement(ConnectionType.class))))
                .because("a system is a plugin: its module lists its connection type in META-INF/services, and"
                        + " nothing builds a list of types by hand"));
    }

    private static void check(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertThat(result.hasViolation()).as(() -> String.join("\n", result.getFailureReport().getDetails()))
                .isFalse();
    }
}
