package org.drillconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layers point inward: app -> ui -> cluster | drill | store | report | sandbox -> model. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.drillconsole");
    }

    @Test
    void logicPackagesNeverTouchJavaFx() {
        noClasses().that().resideInAnyPackage("org.drillconsole.model..", "org.drillconsole.cluster..", "org.drillconsole.sandbox..", "org.drillconsole.store..", "org.drillconsole.drill..",
                        "org.drillconsole.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.drillconsole.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drillconsole.cluster..",
                        "org.drillconsole.sandbox..", "org.drillconsole.store..", "org.drillconsole.ui..",
                        "org.drillconsole.app..", "io.fabric8..")
                .check(classes);
    }

    @Test
    void innerLayersNeverReachOutward() {
        noClasses().that().resideInAnyPackage("org.drillconsole.model..", "org.drillconsole.cluster..", "org.drillconsole.sandbox..", "org.drillconsole.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drillconsole.ui..", "org.drillconsole.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.drillconsole.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.drillconsole.app..")
                .check(classes);
    }

    @Test
    void viewsNeverTalkToKubernetesDirectly() {
        noClasses().that().resideInAPackage("org.drillconsole.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "java.sql..")
                .check(classes);
    }

    /** JavaFX's internals change without notice: one class of the bootstrap reads them, with a way around. */
    @Test
    void onlyTheFirstFrameWatcherTouchesJavaFxInternals() {
        noClasses().that().doNotHaveFullyQualifiedName("org.drillconsole.app.FirstFrame")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.javafx..", "com.sun.glass..", "com.sun.prism..")
                .check(classes);
    }
}
