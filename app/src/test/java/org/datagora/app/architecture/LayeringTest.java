package org.datagora.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.datagora.app.Main;
import org.datagora.contracts.ContractsDeployer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/decisions/0001: only the UI knows JavaFX; nothing prints to System.out. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Test code is exempt, also when another module's tests arrive as a test-jar.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.datagora");
    }

    @Test
    void storageAndContractsNeverUseJavaFx() {
        noClasses().that().resideInAnyPackage("org.datagora.storage..", "org.datagora.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.datagora.app..")
                .check(classes);
    }

    @Test
    void applicationServicesNeverUseJavaFx() {
        noClasses().that().resideInAPackage("org.datagora.app..")
                .and().resideOutsideOfPackage("org.datagora.app.ui..")
                .and().doNotBelongToAnyOf(Main.class)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.datagora.app.ui..")
                .check(classes);
    }

    @Test
    void nothingWritesToTheConsoleBehindTheLoggersBack() {
        noClasses().that().resideInAnyPackage("org.datagora..")
                // Command-line entry points and benchmarks print their results by design.
                .and().resideOutsideOfPackage("..bench..")
                .and().doNotBelongToAnyOf(ContractsDeployer.class)
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
