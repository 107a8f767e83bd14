package org.w3id.vlmsurvey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the product (src/main; README "How it works"): imports only go downward,
 * <pre>
 * cli -> server (lifecycle) -> server.guard (request policy) -> server.web (pages) -> server.store (load, reload, index)
 *     -> export | linking | query | history | report -> graph -> markdown | mapping -> vocab | diagnostics | validate | bundle | cache
 * </pre>
 * Only {@code graph} (the build) uses {@code markdown} and {@code mapping}. Packages on one level do not use each other, except at the bottom, where {@code validate} reports
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

    /**
     * The layers, each accessed only by the layers above it; every layer must hold classes (no optional layers: a
     * renamed or emptied package fails here instead of passing unseen). {@code markdown} and {@code mapping} are
     * the build's own: only {@code graph} uses them.
     */
    static com.tngtech.archunit.library.Architectures.LayeredArchitecture layering() {
        String[] above = {"cli", "server", "server.guard", "server.web", "server.store"};
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
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
                .layer("report")
                .definedBy(pkg("report"))
                .layer("graph")
                .definedBy(pkg("graph"))
                .layer("markdown")
                .definedBy(pkg("markdown"))
                .layer("mapping")
                .definedBy(pkg("mapping"))
                .layer("base")
                .definedBy(pkg("vocab"), pkg("diagnostics"), pkg("validate"), pkg("bundle"), pkg("cache"))
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
                .mayOnlyBeAccessedByLayers(above)
                .whereLayer("linking")
                .mayOnlyBeAccessedByLayers(above)
                .whereLayer("query")
                .mayOnlyBeAccessedByLayers(above)
                .whereLayer("history")
                .mayOnlyBeAccessedByLayers(above)
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers(above)
                .whereLayer("graph")
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
                        "report")
                .whereLayer("markdown")
                .mayOnlyBeAccessedByLayers("graph")
                .whereLayer("mapping")
                .mayOnlyBeAccessedByLayers("graph");
    }

    /** The build is the one place that maps Markdown: nothing outside {@code graph} reads or maps the source itself. */
    static ArchRule onlyTheBuildMapsMarkdown() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(pkg("graph"), pkg("mapping"), pkg("markdown"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("mapping"), pkg("markdown"))
                .because("the survey is built in one place, graph.SurveyGraph");
    }

    @Test
    void importsOnlyGoDownwardThroughEveryLayer() {
        layering().check(product);
    }

    @Test
    void onlyGraphUsesMappingAndMarkdown() {
        onlyTheBuildMapsMarkdown().check(product);
    }

    @Test
    void theRulesCatchAPageClassThatMapsMarkdownItself() {
        // a probe compiled with the tests (server/web/LayeringProbe): server.web calling SurveyMapping and
        // MarkdownReader; imported with the two packages it calls (the layers see the classes imported), no other
        JavaClasses probe = new ClassFileImporter()
                .importPackages(pkg("server.web"), pkg("mapping"), pkg("markdown"))
                .that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "the probe, mapping and markdown",
                        (JavaClass c) -> c.getSimpleName().equals("LayeringProbe")
                                || !c.getPackageName().equals(pkg("server.web"))));
        assertEquals(
                1,
                probe.stream()
                        .filter(c -> c.getPackageName().equals(pkg("server.web")))
                        .count(),
                "the probe is the one server.web class imported");
        for (ArchRule rule :
                new ArchRule[] {onlyTheBuildMapsMarkdown(), layering().withOptionalLayers(true)}) {
            EvaluationResult result = rule.evaluate(probe);
            assertTrue(result.hasViolation(), rule.getDescription());
            String report = result.getFailureReport().toString();
            assertTrue(report.contains("SurveyMapping"), report);
            assertTrue(report.contains("MarkdownReader"), report);
        }
        // and the same rules hold on the product
        assertFalse(onlyTheBuildMapsMarkdown().evaluate(product).hasViolation());
        assertFalse(layering().evaluate(product).hasViolation());
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
                        pkg("report"),
                        pkg("linking"),
                        pkg("query"),
                        pkg("history"),
                        pkg("graph"),
                        pkg("markdown"),
                        pkg("mapping"),
                        pkg("vocab"),
                        pkg("diagnostics"),
                        pkg("validate"),
                        pkg("bundle"),
                        pkg("cache"))
                .because("a new package must be placed in the layering (here and in README \"How it works\")")
                .check(product);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(product);
    }

    /** Each top-level class (with its nested classes) of the product is a slice of its own. */
    static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            if (!c.getPackageName().startsWith(ROOT)) return SliceIdentifier.ignore();
            String name = c.getName();
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    };

    @Test
    void noCyclesBetweenClassesInsideAPackage() {
        slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles().check(product);
    }

    @Test
    void onlyValidateAmongTheBottomPackagesUsesTheOthers() {
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
    void theImportHoldsTheProductClassesAndNoTestOrBenchClass() {
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
