package dev.minstrel.subsonic;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module's packages depend on each other in one direction only: handlers on the protocol,
 * the views and the model, never on each other; the model on nothing of the module.
 */
class PackageStructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the module's own compiled classes only: scanning the whole class path for the package costs seconds
        Path compiled = Path.of(SubsonicApi.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(compiled);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.minstrel.subsonic.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theResponseModelDependsOnNothingElseOfTheModule() {
        noClasses().that().resideInAPackage("dev.minstrel.subsonic.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.minstrel.subsonic.model..", "java..",
                        "com.fasterxml.jackson.annotation..", "tools.jackson.dataformat.xml.annotation..",
                        "io.soabase.recordbuilder..")
                .check(classes);
    }

    @Test
    void handlersDoNotCallOtherHandlers() {
        noClasses().that().haveSimpleNameEndingWith("Endpoints")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Endpoints")
                .check(classes);
    }
}
