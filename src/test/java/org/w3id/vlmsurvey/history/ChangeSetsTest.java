package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The history stored as change sets ({@link VersionedTriples}): written as TriG and read back, every version's graph
 * is the graph the history built; the full form written before (one graph per version) reads to the same versions; the change sets hold fewer quads than the full form, by an exact number.
 */
class ChangeSetsTest {
    @TempDir
    static Path tmp;

    static History history;
    static Path written;

    @BeforeAll
    static void build() throws IOException {
        history = TestHistory.create(tmp.resolve("survey")).history();
        written = tmp.resolve("history.trig");
        try (OutputStream out = Files.newOutputStream(written)) {
            Exporter.writeTrig(history.changeSets(), out);
        }
    }

    static List<Node> graphNames(DatasetGraph ds) {
        List<Node> names = new ArrayList<>();
        ds.listGraphNodes().forEachRemaining(names::add);
        return names;
    }

    /** Each version of {@code read} is isomorphic to the version built, and nothing else is named. */
    static void assertSameVersions(DatasetGraph read) {
        assertEquals(
                history.versions().stream().map(v -> v.snapshot().iri()).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(graphNames(read)));
        for (History.Version v : history.versions()) {
            var g = read.getGraph(v.snapshot().iri());
            assertEquals(v.data().size(), g.size(), v.snapshot().name());
            assertTrue(g.isIsomorphicWith(v.data()), v.snapshot().name());
        }
        assertTrue(read.getDefaultGraph().isIsomorphicWith(history.description()), "the description");
    }

    @Test
    void writtenAsChangeSetsAndReadBackEveryVersionIsTheOneBuilt() {
        assertSameVersions(History.read(written));
    }

    @Test
    void theFullFormWrittenBeforeIsStillRead() throws IOException {
        // what history -o wrote before: the dataset with every version in full as the graph of its IRI
        Path full = tmp.resolve("full-form.trig");
        try (OutputStream out = Files.newOutputStream(full)) {
            Exporter.writeTrig(history.dataset(), out);
        }
        assertTrue(Files.readString(full)
                .contains("version:" + history.versions().get(0).snapshot().commit() + " {"));
        assertSameVersions(History.read(full));
    }

    @Test
    void theChangeSetsHoldFewerQuadsThanTheFullForm() {
        long full = 0;
        for (History.Version v : history.versions()) full += v.data().size();
        DatasetGraph cs = history.changeSets();
        long changeSets = 0;
        for (Node g : graphNames(cs)) changeSets += cs.getGraph(g).size();
        // 7 versions: v1..v5, v7, v8 (v6 skipped)
        assertEquals(7, history.versions().size());
        // the full form: every version's triples; the change sets: the newest version, then what each version added
        // and removed; and each distinct triple once in memory
        assertEquals(
                List.of(FULL_QUADS, CHANGE_SET_QUADS, DISTINCT),
                List.of(full, changeSets, history.triples().distinct()));
        assertEquals(847, full - changeSets, "847 quads fewer");
        // the newest in full, and one added and one removed graph per version but the oldest (none empty here)
        Node newest = history.latest().snapshot().iri();
        assertTrue(cs.containsGraph(newest));
        assertEquals(1 + 2 * 6, graphNames(cs).size());
        for (History.Version v : history.versions().subList(0, 6))
            assertFalse(cs.containsGraph(v.snapshot().iri()), "only the newest version is given in full");
    }

    static final long FULL_QUADS = 1800, CHANGE_SET_QUADS = 953, DISTINCT = 531;

    @Test
    void aVersionIsAReadOnlyViewOfTheTriplesStoredOnce() {
        DatasetGraph ds = History.read(written);
        var v1 = ds.getGraph(history.versions().get(0).snapshot().iri());
        assertThrows(
                AddDeniedException.class,
                () -> v1.add(
                        NodeFactory.createURI("urn:x"),
                        NodeFactory.createURI("urn:p"),
                        NodeFactory.createURI("urn:o")));
        // a version holds a triple of another version only when it holds it too
        var v8 = history.latest().data();
        Set<org.apache.jena.graph.Triple> onlyNewest = new HashSet<>(v8.find().toList());
        v1.find().forEachRemaining(onlyNewest::remove);
        assertFalse(onlyNewest.isEmpty());
        for (var t : onlyNewest) assertFalse(v1.contains(t), t.toString());
        // and holds each of its own, looked up by value (not the object stored)
        for (var t : history.versions().get(0).data().find().toList())
            assertTrue(
                    v1.contains(org.apache.jena.graph.Triple.create(t.getSubject(), t.getPredicate(), t.getObject())),
                    t.toString());
    }

    @Test
    void aNamedGraphThatIsNoVersionNorChangeSetIsAnError() throws IOException {
        Path bad = tmp.resolve("bad.trig");
        Files.writeString(
                bad,
                Files.readString(written)
                        + "\n<https://example.org/stray> { <https://example.org/a> <https://example.org/b> <https://example.org/c> }\n");
        SourceException e = assertThrows(SourceException.class, () -> History.read(bad));
        assertEquals(
                bad
                        + ": error: the named graph https://example.org/stray is neither a version the history describes nor a"
                        + " version's change set (<VERSION/added>, <VERSION/removed>, not for the oldest version)",
                e.getMessage());
        // an older version given in full beside change sets
        Node v1 = history.versions().get(0).snapshot().iri();
        Path mixed = tmp.resolve("mixed.trig");
        Files.writeString(
                mixed,
                Files.readString(written) + "\n<" + v1.getURI()
                        + "> { <https://example.org/a> <https://example.org/b> <https://example.org/c> }\n");
        SourceException m = assertThrows(SourceException.class, () -> History.read(mixed));
        assertEquals(
                mixed + ": error: the version " + v1 + " is given in full and by change sets: only the newest version"
                        + " is given in full",
                m.getMessage());
    }

    @Test
    void aFileThatDescribesNoVersionIsGivenBackAsRead() throws IOException {
        Path plain = tmp.resolve("plain.trig");
        Files.writeString(
                plain,
                "<https://example.org/g> { <https://example.org/a> <https://example.org/b> <https://example.org/c> }\n"
                        + "<https://example.org/d> <https://example.org/e> \"f\" .\n");
        DatasetGraph ds = History.read(plain);
        Node g = NodeFactory.createURI("https://example.org/g");
        assertEquals(List.of(g), graphNames(ds));
        assertEquals(1, ds.getGraph(g).size());
        assertEquals(1, ds.getDefaultGraph().size());
        assertTrue(ds.contains(
                g,
                NodeFactory.createURI("https://example.org/a"),
                NodeFactory.createURI("https://example.org/b"),
                NodeFactory.createURI("https://example.org/c")));
    }

    @Test
    void theVersionsOfADatasetOfChangeSetsAreServedTheSame() {
        // a cache file holds the change sets as quads: read back by History.served
        DatasetGraph cs = history.changeSets();
        assertSameVersions(History.served(cs, "cache"));
        assertTrue(cs.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext());
        assertEquals(VLM.VERSION, history.latest().snapshot().iri().getURI().substring(0, VLM.VERSION.length()));
    }
}
