package org.w3id.vlmsurvey.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule files of {@code rules/mapping/} and {@code rules/checks/}: each declares its scope, every file a
 * rule's comments name exists, and no rule keeps its own copy of a pattern that a {@code vlmfn:} function covers.
 */
class RuleFilesTest {
    static final Path QUERIES = Path.of("rules");

    static Stream<Path> rules() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("mapping", "checks"))
            try (Stream<Path> s = Files.list(QUERIES.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".rq")).sorted().forEach(all::add);
            }
        return all.stream();
    }

    /** A file name in a comment: "checks/links.rq", "42-identifiers.rq", "data/venues.ttl", "README.md". */
    static final Pattern FILE_REFERENCE = Pattern.compile("[A-Za-z0-9_./-]+\\.(?:rq|ttl|md)\\b");

    /** Where a named file is looked for: beside the rule, under queries/, at the project root. */
    static boolean exists(Path rule, String name) {
        return Files.exists(rule.resolveSibling(name))
                || Files.exists(QUERIES.resolve(name))
                || Files.exists(Path.of(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyFileARuleNamesExists(Path rule) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> lines = Files.readAllLines(rule, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash < 0) continue;
            Matcher m = FILE_REFERENCE.matcher(line.substring(hash));
            while (m.find()) if (!exists(rule, m.group())) missing.add(rule + ":" + (i + 1) + ": " + m.group());
        }
        assertEquals(List.of(), missing, "rules refer to files that do not exist");
    }

    @Test
    void aMissingFileIsFound() {
        Path rule = QUERIES.resolve("mapping/31-venues.rq");
        assertTrue(exists(rule, "checks/venues.rq"));
        assertTrue(exists(rule, "32-venue-descriptions.rq"));
        assertTrue(exists(rule, "data/venues.ttl"));
        assertFalse(exists(rule, "checks/unknown-venues.rq"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void declaresItsScope(Path rule) throws IOException {
        String text = Files.readString(rule, StandardCharsets.UTF_8);
        SurveyMapping.Scope.of(rule.toString(), text);
    }

    @Test
    void aRuleWithoutOrWithAWrongScopeIsRefused() {
        var none =
                assertThrows(IllegalStateException.class, () -> SurveyMapping.Scope.of("x.rq", "# what\nSELECT * {}"));
        assertTrue(none.getMessage().startsWith("x.rq:1: no scope declaration"), none.getMessage());
        var wrong = assertThrows(
                IllegalStateException.class, () -> SurveyMapping.Scope.of("x.rq", "# scope: row\nSELECT * {}"));
        assertTrue(wrong.getMessage().contains("unknown scope \"row\""), wrong.getMessage());
        // only the leading comment lines count
        assertThrows(IllegalStateException.class, () -> SurveyMapping.Scope.of("x.rq", "SELECT * {}\n# scope: global"));
        assertEquals(
                SurveyMapping.Scope.GLOBAL, SurveyMapping.Scope.of("x.rq", "# A rule.\n# scope: global\nSELECT * {}"));
    }

    /** Fragments of the patterns the functions hold: a rule containing one has its own copy of a function. */
    static final List<String> FUNCTION_PATTERNS = List.of(
            "arxiv\\\\.org",
            "doi\\\\.org",
            "github\\\\.com",
            "^https?://",
            "[^a-z0-9]+",
            "[^A-Za-z0-9]+",
            "[-–—]",
            "(19|20)[0-9]{2}",
            "[,\\\\s]",
            "[KMB]",
            "^[\\\\s\\\\[\\\\]*_]+",
            "paper\\\\s*$");

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void keepsNoCopyOfAFunctionsPattern(Path rule) throws IOException {
        String text = Files.readString(rule, StandardCharsets.UTF_8);
        String query = String.join(
                "\n",
                text.lines().filter(l -> !l.stripLeading().startsWith("#")).toList());
        for (String fragment : FUNCTION_PATTERNS)
            assertFalse(
                    query.contains(fragment), rule + " has its own copy of " + fragment + ": call the vlmfn: function");
    }

    /** The predicates a rule's WHERE clause reads (every IRI in a predicate position or a property path). */
    static java.util.Set<String> readPredicates(org.apache.jena.query.Query q) {
        java.util.Set<String> read = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("<([^>\\s]+)>").matcher(q.getQueryPattern().toString());
        while (m.find()) read.add(m.group(1));
        return read;
    }

    /**
     * The partitioned run maps every partition with the partition rules before any global rule runs, so a
     * partition rule or check that read a predicate only global rules build would find nothing there (and differ
     * from the whole-survey run). Such a rule must be declared global, or what it reads made by a partition rule.
     */
    @Test
    void noPartitionRuleReadsWhatOnlyGlobalRulesBuild() {
        SurveyMapping mapping = SurveyMapping.bundled();
        java.util.Set<String> byPartition = new java.util.TreeSet<>(), byGlobal = new java.util.TreeSet<>();
        for (SurveyMapping.Step step : mapping.mappingSteps())
            for (org.apache.jena.graph.Triple t :
                    step.query().getConstructTemplate().getTriples())
                if (t.getPredicate().isURI())
                    (step.scope() == SurveyMapping.Scope.PARTITION ? byPartition : byGlobal)
                            .add(t.getPredicate().getURI());
        byGlobal.removeAll(byPartition);
        assertTrue(
                byGlobal.contains("https://w3id.org/vlm-survey/source#entry"),
                "26-entries.rq builds src:entry globally: " + byGlobal);
        List<String> wrong = new ArrayList<>();
        List<SurveyMapping.Step> steps = new ArrayList<>(mapping.mappingSteps());
        steps.addAll(mapping.checkSteps());
        for (SurveyMapping.Step step : steps) {
            if (step.scope() != SurveyMapping.Scope.PARTITION) continue;
            for (String p : readPredicates(step.query()))
                if (byGlobal.contains(p)) wrong.add(step.name() + " reads " + p);
        }
        assertEquals(List.of(), wrong, "partition rules reading what only global rules build");
    }
}
