package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.vocab.VLM;

/** stats, serve and export count the same graph: data + ontology + links, and the docs say the same numbers. */
class TripleCountsTest {
    static SurveyGraph.Result bundled;
    static TripleCounts counts;

    @BeforeAll
    static void build() {
        bundled = SurveyGraph.build(SurveyGraph.Source.bundled().withLinks(null), 2);
        counts = TripleCounts.of(bundled);
    }

    @Test
    void theServedGraphIsDataPlusOntologyPlusLinks() {
        assertEquals(bundled.data().size(), counts.data(), "no data triple is also an ontology triple");
        assertEquals(SurveyGraph.ontology().size(), counts.ontology());
        assertEquals(0, counts.links());
        assertEquals(counts.data() + counts.ontology() + counts.links(), counts.total());
        assertEquals(
                Exporter.union(SurveyGraph.ontology(), bundled.data()).size(),
                counts.total(),
                "export writes this graph");
    }

    @Test
    void serveCountsTheSameAsStats() {
        SurveyStore store = SurveyStore.inMemory();
        try {
            store.replace(bundled.data(), null);
            assertEquals(counts, store.tripleCounts(bundled.links()));
            assertEquals(counts.total(), store.counts().triples());
        } finally {
            store.close();
        }
    }

    @Test
    void linksAreCountedApartFromTheData(@TempDir Path dir) throws Exception {
        Node paper = bundled.data()
                .find(Node.ANY, RDF.type.asNode(), VLM.Paper.asNode())
                .next()
                .getSubject();
        Triple ontologyTriple = SurveyGraph.ontology()
                .find()
                .filterDrop(t -> t.getSubject().isBlank() || t.getObject().isBlank())
                .next();
        Path links = dir.resolve("links.ttl");
        Files.writeString(
                links,
                "<" + paper.getURI()
                        + "> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q1> , <http://www.wikidata.org/entity/Q2> .\n"
                        + "<http://example.org/linkset> <http://rdfs.org/ns/void#triples> 2 .\n"
                        // a triple the ontology has already counts as ontology
                        + NodeFmtLib.str(ontologyTriple) + " .\n");
        SurveyGraph.Result withLinks =
                SurveyGraph.build(SurveyGraph.Source.bundled().withLinks(links), 2);
        TripleCounts c = TripleCounts.of(withLinks);
        assertEquals(new TripleCounts(counts.total() + 3, counts.data(), counts.ontology(), 3), c);
        assertEquals(
                c.total() + " triples = " + c.data() + " data + " + c.ontology() + " ontology + 3 links", c.toString());
    }

    /** README.md and docs/server.md state the bundled survey's counts; they must be the real ones. */
    @Test
    void theDocsStateTheRealCounts() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("\\*\\*([\\d,]+) = ([\\d,]+) data \\+ ([\\d,]+) ontology \\+ ([\\d,]+) links\\*\\*")
                .matcher(readme);
        assertTrue(m.find(), "README.md states the triple counts");
        assertEquals(counts, new TripleCounts(n(m.group(1)), n(m.group(2)), n(m.group(3)), n(m.group(4))));
        String server = Files.readString(Path.of("docs/server.md"));
        assertTrue(
                server.contains("): " + counts + ", 41 papers, 55 datasets"), "docs/server.md shows the start-up line");
    }

    private static long n(String s) {
        return Long.parseLong(s.replace(",", ""));
    }
}
