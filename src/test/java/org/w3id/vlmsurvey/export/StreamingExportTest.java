package org.w3id.vlmsurvey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.bench.SurveyGenerator;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.cli.Main;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * {@code export --format nt --stream}: the triples are written while the survey is mapped, batch by batch, each
 * once; together they are exactly the graph the sorted export writes; the bytes are the same on any number of
 * threads.
 */
class StreamingExportTest {

    record Streamed(String text, int calls, SurveyGraph.Result result) {}

    static Streamed stream(SurveyGraph.Source source, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.NTriplesStream writer = new Exporter.NTriplesStream(out, SurveyGraph.ontology());
        int[] calls = {0};
        SurveyGraph.Result r = SurveyGraph.build(source.read(), threads, batch -> {
            calls[0]++;
            writer.accept(batch);
        });
        writer.finish();
        return new Streamed(out.toString(StandardCharsets.UTF_8), calls[0], r);
    }

    static Graph parse(String nt) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(nt.getBytes(StandardCharsets.UTF_8)))
                .lang(Lang.NTRIPLES)
                .parse(g);
        return g;
    }

    /** Each line once, and the lines are exactly the triples of the ontology and the data. */
    static void assertExactlyTheGraph(Streamed s) {
        List<String> lines = s.text().lines().toList();
        Set<String> distinct = new HashSet<>(lines);
        assertEquals(lines.size(), distinct.size(), "no triple written twice");
        Graph expected = GraphFactory.createGraphMem();
        SurveyGraph.ontology().find().forEachRemaining(expected::add);
        s.result().data().find().forEachRemaining(expected::add);
        assertEquals(expected.size(), lines.size(), "one line per triple of the ontology and the data");
        Graph written = parse(s.text());
        assertTrue(written.isIsomorphicWith(expected), "the streamed triples are the graph");
    }

    @Test
    void bundledSurveyStreamsExactlyItsGraph() {
        Streamed s = stream(SurveyGraph.Source.bundled().withLinks(null), 2);
        assertExactlyTheGraph(s);
        // the ontology comes first, as the sorted export writes it
        ByteArrayOutputStream ontology = new ByteArrayOutputStream();
        Exporter.write(SurveyGraph.ontology(), Exporter.Format.NT, ontology);
        assertTrue(s.text().startsWith(ontology.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void sameBytesOn1To4ThreadsAndWrittenBatchByBatch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("survey-2k.md");
        Files.writeString(file, SurveyGenerator.text(2_000, 5), StandardCharsets.UTF_8);
        SurveyGraph.Source source = SurveyGraph.Source.file(file).withLinks(null);
        String old = System.getProperty("vlm.batchTriples");
        System.setProperty("vlm.batchTriples", "5000");
        try {
            List<Streamed> runs = new ArrayList<>();
            for (int threads : new int[] {1, 2, 4}) runs.add(stream(source, threads));
            assertExactlyTheGraph(runs.get(0));
            assertTrue(
                    runs.get(0).calls() > 5,
                    "written in batches, not at the end: " + runs.get(0).calls());
            assertEquals(runs.get(0).text(), runs.get(1).text(), "1 vs 2 threads");
            assertEquals(runs.get(0).text(), runs.get(2).text(), "1 vs 4 threads");
        } finally {
            if (old == null) System.clearProperty("vlm.batchTriples");
            else System.setProperty("vlm.batchTriples", old);
        }
    }

    @Test
    void streamedFileHasTheTriplesOfTheSortedExport(@TempDir Path dir) throws Exception {
        Path sorted = dir.resolve("sorted.nt"), streamed = dir.resolve("out/streamed.nt");
        assertEquals(0, run("export", "--format", "nt", "-o", sorted.toString()).exit());
        Run r = run("export", "--format", "nt", "--stream", "-o", streamed.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("streamed.nt"), files(dir.resolve("out")), "the partial file is moved into place");
        List<String> a = new ArrayList<>(Files.readAllLines(sorted)), b = new ArrayList<>(Files.readAllLines(streamed));
        assertEquals(a.size(), b.size());
        a.sort(null);
        b.sort(null);
        assertEquals(a, b, "the same lines, in another order");
    }

    @Test
    void streamIsForNTriplesOnly() {
        Run r = run("export", "--stream");
        assertEquals(Main.USAGE, r.exit());
        assertEquals("--stream writes N-Triples only: add --format nt", r.err().strip());
    }

    @Test
    void aSourceWithoutTablesLeavesNoFile(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("empty.md"), nt = dir.resolve("x.nt");
        Files.writeString(md, "# Nothing here\n\nJust text.\n");
        Run r = run("export", "--format", "nt", "--stream", "--source", md.toString(), "-o", nt.toString());
        assertEquals(Main.PROBLEMS, r.exit());
        assertTrue(r.err().contains("no survey tables or entries found"), r.err());
        assertEquals(List.of("empty.md"), files(dir), "no output, no partial file");
    }

    static List<String> files(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
