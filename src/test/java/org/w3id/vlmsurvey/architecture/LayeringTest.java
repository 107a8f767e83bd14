package org.w3id.vlmsurvey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the product (src/main; README "How it works"): imports only go downward,
 * <pre>
 * cli -> server (lifecycle) -> server.guard (request policy) -> server.web (pages) -> server.store (load, reload, index)
 *     -> export | linking | query | history -> graph -> markdown | mapping -> vocab | diagnostics | validate | bundle
 * </pre>
 * Packages on one level do not use each other, except at the bottom, where {@code validate} reports
 * {@code diagnostics} with {@code vocab} terms read from {@code bundle} (no cycles, checked below). Nothing uses
 * {@code cli}; nothing in the product uses the benchmark tools ({@code bench}, in src/bench).
 */
class LayeringTest {
    static final String ROOT = "org.w3id.vlmsurvey";
    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static String pkg(String name) {
        return ROOT + "." + name;
    }

    @Test
    void importsOnlyGoDownward() {
        ArchRule layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true) // history arrives with issue 9
                .layer("cli")
                .definedBy(pkg("cli"))
                .layer("server")
                .definedBy(pkg("server"))
                .layer("server.guard")
                .definedBy(pkg("server.guard"))
                .layer("server.web")
                .definedBy(pkg("server.web"))
                .layer("server.store")
                .definedBy(pkg("server.store"))
                .layer("export")
                .definedBy(pkg("export"))
                .layer("linking")
                .definedBy(pkg("linking"))
                .layer("query")
                .definedBy(pkg("query"))
                .layer("history")
                .definedBy(pkg("history"))
                .layer("graph")
                .definedBy(pkg("graph"))
                .layer("markdown")
                .definedBy(pkg("markdown"))
                .layer("mapping")
                .definedBy(pkg("mapping"))
                .layer("base")
                .definedBy(pkg("vocab"), pkg("diagnostics"), pkg("validate"), pkg("bundle"))
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("server.guard")
                .mayOnlyBeAccessedByLayers("cli", "server")
                .whereLayer("server.web")
                .mayOnlyBeAccessedByLayers("cli", "server", "server.guard")
                .whereLayer("server.store")
                .mayOnlyBeAccessedByLayers("cli", "server", "server.guard", "server.web")
                .whereLayer("export")
                .mayOnlyBeAccessedByLayers("cli", "server", "server.guard", "server.web", "server.store")
                .whereLayer("linking")
                .mayOnlyBeAccessedByLayers("cli", "server", "server.guard", "server.web", "server.store")
                .whereLayer("query")
                .mayOnlyBeAccessedByLayers("cli", "server", "server.guard", "server.web", "server.store")
                .whereLayer("history")
                .mayOnlyBeAccessedByLayers("cli", "server", "server.guard", "server.web", "server.store")
                .whereLayer("graph")
                .mayOnlyBeAccessedByLayers(
                        "cli", "server", "server.guard", "server.web", "server.store", "export", "linking", "query", "history")
                .whereLayer("markdown")
                .mayOnlyBeAccessedByLayers(
                        "cli", "server", "server.guard", "server.web", "server.store", "export", "linking", "query", "history", "graph")
                .whereLayer("mapping")
                .mayOnlyBeAccessedByLayers(
                        "cli",
                        "server",
                        "server.guard",
                        "server.web",
                        "server.store",
                        "export",
                        "linking",
                        "query",
                        "history",
                        "graph");
        layers.check(product);
    }

    @Test
    void everyProductPackageHasItsPlaceInTheLayering() {
        classes()
                .should()
                .resideInAnyPackage(
                        pkg("cli"),
                        pkg("server"),
                        pkg("server.guard"),
                        pkg("server.web"),
                        pkg("server.store"),
                        pkg("export"),
                        pkg("linking"),
                        pkg("query"),
                        pkg("history"),
                        pkg("graph"),
                        pkg("markdown"),
                        pkg("mapping"),
                        pkg("vocab"),
                        pkg("diagnostics"),
                        pkg("validate"),
                        pkg("bundle"))
                .because("a new package must be placed in the layering (here and in README \"How it works\")")
                .check(product);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void theBottomPackagesUseOnlyEachOtherAndLibraries() {
        noClasses()
                .that()
                .resideInAnyPackage(pkg("vocab"), pkg("diagnostics"), pkg("bundle"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("validate"))
                .because("validate is the only bottom package that builds on the others")
                .check(product);
    }

    @Test
    void theProductDoesNotUseTheBenchmarkTools() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".bench..")
                .check(product);
    }

    @Test
    void theImportHoldsTheProductOnly() {
        // a guard for the rules above: they must see the product classes, and no test or bench class
        classes()
                .that()
                .resideInAPackage(pkg("cli"))
                .should()
                .haveSimpleNameNotEndingWith("Test")
                .check(product);
        if (product.stream().noneMatch(c -> c.getName().equals(pkg("cli.Main"))))
            throw new AssertionError("the product classes were not imported");
        if (product.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + ".bench")))
            throw new AssertionError("bench classes are in the product import");
    }
}
