package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.vlmsurvey.validate.ShapesValidator;

/** The shaded jar, run as a user runs it: export, check and stats on the bundled survey and on broken input. */
class ShadedJarIT {
    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    static Path tmp;

    static Path kg;
    static Graph graph;

    @BeforeAll
    static void export() throws Exception {
        kg = tmp.resolve("kg.ttl");
        Jar.Run r = Jar.run(ROOT, "export", "-o", kg.toString());
        assertEquals(0, r.exit(), r.err());
        graph = parse(kg, Lang.TURTLE);
    }

    static Graph parse(Path p, Lang lang) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(p).lang(lang).strict(true).parse(g);
        return g;
    }

    static long count(Graph g, String where) {
        String q =
                "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                        + "SELECT (COUNT(DISTINCT ?x) AS ?n) { " + where + " }";
        try (QueryExec qe = QueryExec.graph(g).query(q).build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    @Test
    void versionNamesTheReleaseAndJenaFromTheManifest() throws Exception {
        Jar.Run r = Jar.run(ROOT, "-V");
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                "vlm-survey-kg " + System.getProperty("vlm.version") + ", Apache Jena "
                        + System.getProperty("vlm.jena.version"),
                r.out().strip());
    }

    @Test
    void theProductJarHoldsNoBenchmarkClasses() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(Jar.jar().toFile())) {
            assertEquals(
                    List.of(),
                    jar.stream()
                            .map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("bench"))
                            .toList());
            assertTrue(jar.getEntry("org/w3id/vlmsurvey/cli/Main.class") != null);
        }
    }

    @Test
    void helpListsTheSubcommands() throws Exception {
        Jar.Run r = Jar.run(ROOT, "--help");
        assertEquals(0, r.exit());
        for (String sub : List.of("export", "check", "stats"))
            assertTrue(r.out().contains(sub), r.out());
    }

    @Test
    void exportHasThePapersAndDatasetsOfTheSurvey() {
        assertEquals(41, count(graph, "?x a vlm:Paper"));
        assertEquals(
                25,
                count(
                        graph,
                        "?x vlm:category <https://w3id.org/vlm-survey/resource/category/pre-training-with-contrastive-objective>"));
        assertEquals(
                2,
                count(
                        graph,
                        "?x vlm:category <https://w3id.org/vlm-survey/resource/category/pre-training-with-generative-objective>"));
        assertEquals(
                3,
                count(
                        graph,
                        "?x vlm:category <https://w3id.org/vlm-survey/resource/category/pre-training-with-alignment-objective>"));
        assertEquals(
                11,
                count(
                        graph,
                        "?x vlm:category <https://w3id.org/vlm-survey/resource/category/transfer-with-text-prompt-tuning>"));
        assertEquals(55, count(graph, "?x a vlm:Dataset"));
        assertEquals(56, count(graph, "?d a vlm:Dataset ; vlm:sourceLine ?x"));
        assertTrue(
                count(graph, "?x a <http://www.w3.org/2002/07/owl#Ontology>") == 1, "the export carries the ontology");
    }

    @Test
    void riotValidateAcceptsTheExport() throws Exception {
        Jar.Run r = Jar.java(ROOT, "riotcmd.riot", "--validate", "--strict", kg.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.out().strip() + r.err().strip());
    }

    @Test
    void exportConformsToTheShapes() {
        var report = ShapesValidator.report(graph);
        assertTrue(report.conforms(), () -> ShapesValidator.validate(graph, kg.toString())
                .toString());
    }

    @Test
    void twoExportsAreByteIdenticalEvenFromAnotherDirectory() throws Exception {
        Path again = tmp.resolve("again.ttl");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        assertEquals(0, Jar.run(elsewhere, "export", "-o", again.toString()).exit(), "export with the bundled copy");
        assertArrayEquals(Files.readAllBytes(kg), Files.readAllBytes(again));
    }

    @Test
    void exportReimportExportIsStable() throws Exception {
        // the export parsed back and written again by the same writer gives the same bytes, hence the same graph
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.w3id.vlmsurvey.export.Exporter.write(graph, org.w3id.vlmsurvey.export.Exporter.Format.TTL, out);
        assertArrayEquals(Files.readAllBytes(kg), out.toByteArray());
        assertTrue(IsoMatcher.isomorphic(graph, parse(kg, Lang.TURTLE)));
        assertEquals(
                0,
                count(graph, "?x ?p ?o FILTER(isBlank(?x) || isBlank(?o))"),
                "no blank nodes: exports stay diffable");
    }

    @ParameterizedTest
    @CsvSource({"nt,N-TRIPLES", "jsonld,JSON-LD", "rdfxml,RDF/XML"})
    void otherFormatsHoldTheSameGraph(String format, String langName) throws Exception {
        Path f = tmp.resolve("kg." + format);
        assertEquals(
                0,
                Jar.run(ROOT, "export", "--format", format, "-o", f.toString()).exit());
        assertTrue(IsoMatcher.isomorphic(graph, parse(f, RDFLanguages.nameToLang(langName))), format);
    }

    @Test
    void checkOnTheBundledSurveyReportsNoErrors() throws Exception {
        Jar.Run r = Jar.run(ROOT, "check");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("data/vlm-survey.md: 0 errors"), r.out());
    }

    @Test
    void checkNamesTheBrokenRow() throws Exception {
        Jar.Run r = Jar.run(ROOT, "check", "--source", "src/test/resources/mapping/broken-rows/input.md");
        assertEquals(1, r.exit(), r.out());
        assertTrue(
                r.out().contains("src/test/resources/mapping/broken-rows/input.md:6: error: row not mapped"), r.out());
    }

    @Test
    void strictCheckFailsOnWarnings() throws Exception {
        assertEquals(
                1,
                Jar.run(ROOT, "check", "--strict").exit(),
                "the bundled survey has one warning (COCO Caption's two years)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "empty.md;;empty.md: error: file is empty",
                "tableless.md;# Just a title\\n\\nSome prose, no tables.\\n;tableless.md: error: no survey tables or entries found"
            })
    void unusableInputGivesOneClearError(String name, String content, String expected) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content == null ? "" : content.replace("\\n", "\n"));
        Jar.Run r = Jar.run(tmp, "check", "--source", name);
        assertEquals(1, r.exit());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().startsWith(expected), r.out());
    }

    @Test
    void binaryInputGivesOneClearError() throws Exception {
        Path f = tmp.resolve("image.md");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Jar.Run r = Jar.run(tmp, "check", "--source", "image.md");
        assertEquals(1, r.exit());
        assertEquals(
                "image.md:1: error: binary content (NUL byte): this is not a Markdown text file",
                r.out().strip());
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Jar.Run r = Jar.run(tmp, "export", "--source", "nope.md");
        assertEquals(1, r.exit());
        assertEquals("nope.md: error: no such file", r.err().strip());
    }

    @Test
    void statsCountsPerClassAndCategory() throws Exception {
        Jar.Run r = Jar.run(ROOT, "stats");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("vlm:Paper\\s+41")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("vlm:Dataset\\s+55")), r.out());
        assertTrue(
                r.out().lines().anyMatch(l -> l.matches("\\s+Pre-training with Contrastive Objective\\s+25\\s+25")),
                r.out());
        assertTrue(
                r.out().lines().anyMatch(l -> l.matches("\\s+Vision-Language Pre-training Methods\\s+0\\s+30")),
                r.out());
    }
}
