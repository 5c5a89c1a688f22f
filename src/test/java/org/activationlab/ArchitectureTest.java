package org.activationlab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules, checked on the compiled classes (not on the source text, so a fully
 * qualified name or a wildcard import cannot slip through): the engine knows nothing above it,
 * the trainer nothing of the UI, the command line nothing of JavaFX, and the UI's features
 * nothing of each other — what they share lives in the shell ({@code ui}) or in {@code ui.chart}.
 */
@AnalyzeClasses(packages = "org.activationlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Engine").definedBy("org.activationlab.engine..")
            .layer("Training").definedBy("org.activationlab.training..")
            .layer("Ui").definedBy("org.activationlab.ui..")
            .layer("Cli").definedBy("org.activationlab.cli..")
            .layer("App").definedBy("org.activationlab.app..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Training").mayOnlyBeAccessedByLayers("Ui", "Cli", "App")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Training", "Ui", "Cli", "App");

    @ArchTest
    static final ArchRule ENGINE_AND_TRAINING_WITHOUT_JAVAFX = noClasses()
            .that().resideInAnyPackage("org.activationlab.engine..", "org.activationlab.training..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

    @ArchTest
    static final ArchRule CLI_WITHOUT_JAVAFX = noClasses()
            .that().resideInAPackage("org.activationlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

    /** ui.fit, ui.race, ui.lessons, …: each talks to the shell and ui.chart only. */
    @ArchTest
    static final ArchRule FEATURES_INDEPENDENT = slices().matching("org.activationlab.ui.(*)..")
            .namingSlices("ui.$1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage("org.activationlab.ui.chart.."));

    /** The chart base is below every feature and below the shell. */
    @ArchTest
    static final ArchRule CHART_BASE_BELOW_FEATURES = noClasses()
            .that().resideInAPackage("org.activationlab.ui.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("org.activationlab.ui",
                    "org.activationlab.ui.fit..", "org.activationlab.ui.gallery..",
                    "org.activationlab.ui.instruments..", "org.activationlab.ui.experiment..",
                    "org.activationlab.ui.race..", "org.activationlab.ui.lessons..",
                    "org.activationlab.ui.classroom..", "org.activationlab.ui.files..");
}
