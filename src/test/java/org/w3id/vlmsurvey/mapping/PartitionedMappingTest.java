package org.w3id.vlmsurvey.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.bench.SurveyGenerator;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.markdown.MarkdownReader;

/**
 * Partitioned mapping gives the same graph and the same problems as the reference run of every rule over the
 * whole source graph: on the bundled survey, on every golden input and on a generated 10k-entry survey, with
 * one thread and with several.
 */
class PartitionedMappingTest {

    static void assertSame(SurveyGraph.Result whole, SurveyGraph.Result parts, String what) {
        assertTrue(
                whole.data().isIsomorphicWith(parts.data()),
                what + ": partitioned graph differs: "
                        + difference(whole.data(), parts.data()) + " only in the whole run, "
                        + difference(parts.data(), whole.data()) + " only in the partitioned run");
        assertEquals(whole.problems(), parts.problems(), what + ": problems differ");
    }

    static List<Triple> difference(Graph a, Graph b) {
        List<Triple> only = new ArrayList<>();
        a.find().forEachRemaining(t -> {
            if (!b.contains(t) && only.size() < 5) only.add(t);
        });
        return only;
    }

    /** Builds with every table and entry run mapped on its own (no batching of small partitions). */
    static SurveyGraph.Result unbatched(SurveyGraph.Source s, int threads) {
        String old = System.getProperty("vlm.batchTriples");
        System.setProperty("vlm.batchTriples", "1");
        try {
            return SurveyGraph.build(s, threads);
        } finally {
            if (old == null) System.clearProperty("vlm.batchTriples");
            else System.setProperty("vlm.batchTriples", old);
        }
    }

    @Test
    void bundledSurvey() {
        SurveyGraph.Source s = SurveyGraph.Source.bundled().withLinks(null);
        SurveyGraph.Result whole = SurveyGraph.buildWhole(s.read());
        assertSame(whole, unbatched(s, 1), "bundled, every partition alone, 1 thread");
        assertSame(whole, unbatched(s, 4), "bundled, every partition alone, 4 threads");
        assertSame(whole, SurveyGraph.build(s, 2), "bundled, batched, 2 threads");
    }

    static Stream<Path> goldenInputs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/mapping"))) {
            return s.map(p -> p.resolve("input.md")).filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenInputs")
    void goldenInputs(Path input) {
        SurveyGraph.Source s = SurveyGraph.Source.file(input).withLinks(null);
        assertSame(SurveyGraph.buildWhole(s.read()), unbatched(s, 3), input.toString());
    }

    @Test
    void generatedSurveyOf10kEntries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey-10k.md");
        Files.writeString(file, SurveyGenerator.text(10_000, 1), StandardCharsets.UTF_8);
        SurveyGraph.Source s = SurveyGraph.Source.file(file).withLinks(null);
        SurveyGraph.Result whole = SurveyGraph.buildWhole(s.read());
        assertTrue(
                whole.data().size() > 100_000, "a real graph: " + whole.data().size());
        assertSame(whole, unbatched(s, 2), "10k, every partition alone, 2 threads");
        assertSame(whole, SurveyGraph.build(s, 1), "10k, batched, 1 thread");
        assertSame(whole, SurveyGraph.build(s, 2), "10k, batched, 2 threads");
    }

    /** The N-Triples export is byte-identical whatever the number of threads. */
    @Test
    void exportIsByteIdenticalOn1To4Threads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey-2k.md");
        Files.writeString(file, SurveyGenerator.text(2_000, 3), StandardCharsets.UTF_8);
        SurveyGraph.Source s = SurveyGraph.Source.file(file).withLinks(null);
        List<String> exports = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.w3id.vlmsurvey.export.Exporter.write(
                    unbatched(s, threads).data(), org.w3id.vlmsurvey.export.Exporter.Format.NT, out);
            exports.add(out.toString(StandardCharsets.UTF_8));
        }
        assertTrue(exports.get(0).length() > 100_000);
        assertEquals(exports.get(0), exports.get(1), "1 vs 2 threads");
        assertEquals(exports.get(0), exports.get(2), "1 vs 4 threads");
    }

    /** The partitions and the skeleton together are exactly the source graph of a whole read; no partition is whole. */
    @Test
    void partitionsMakeUpTheSourceGraph() {
        String text = SurveyGenerator.text(3_000, 7);
        Graph whole = MarkdownReader.read(text, "x.md");
        Graph union = GraphFactory.createGraphMem();
        List<Integer> sizes = new ArrayList<>();
        Graph skeleton = MarkdownReader.read(text, "x.md", g -> {
            sizes.add(g.size());
            g.find().forEachRemaining(union::add);
        });
        skeleton.find().forEachRemaining(union::add);
        assertTrue(whole.isIsomorphicWith(union), "partitions + skeleton != whole source graph");
        assertTrue(sizes.size() > 10, "partitions: " + sizes.size());
        assertTrue(
                sizes.stream().mapToInt(Integer::intValue).max().orElseThrow() < whole.size() / 5,
                "largest partition "
                        + sizes.stream().mapToInt(Integer::intValue).max().orElseThrow() + " of " + whole.size());
    }

    /** Cells, links and columns are partition nodes; rows, tables, entries and other IRIs are not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "T3-R12-C3, true",
        "T3-R12-K1, true",
        "T3-H2, true",
        "E7-K10, true",
        "T3-R12, false",
        "T3, false",
        "T3-C, false",
        "T3-Cx, false",
        "T3-X1, false",
        "-C, false",
        "-C9, true",
        "T3-R12-C, false"
    })
    void partitionNodes(String local, boolean expected) {
        assertEquals(
                expected,
                SurveyMapping.partitionNode(
                        org.apache.jena.graph.NodeFactory.createURI(org.w3id.vlmsurvey.vocab.SRC.NODE + local)),
                local);
        assertEquals(
                false,
                SurveyMapping.partitionNode(
                        org.apache.jena.graph.NodeFactory.createURI("https://example.org/" + local)),
                "not a source node: " + local);
        assertEquals(false, SurveyMapping.partitionNode(org.apache.jena.graph.NodeFactory.createLiteralString(local)));
    }
}
