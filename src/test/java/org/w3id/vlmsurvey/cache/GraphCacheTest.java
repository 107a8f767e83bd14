package org.w3id.vlmsurvey.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph cache: right graph or a clear warning and a rebuild, never a stale or broken graph. */
class GraphCacheTest {

    static Graph graph(int n, String word) {
        Graph g = GraphFactory.createGraphMem();
        g.getPrefixMapping().setNsPrefix("ex", "http://example.org/");
        for (int i = 0; i < n; i++)
            g.add(Triple.create(
                    NodeFactory.createURI("http://example.org/s" + i),
                    NodeFactory.createURI("http://example.org/p"),
                    NodeFactory.createLiteralLang(word + " " + i, "en")));
        g.add(Triple.create(
                NodeFactory.createBlankNode("b0"),
                NodeFactory.createURI("http://example.org/q"),
                NodeFactory.createLiteralDT("42", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        return g;
    }

    static DatasetGraph dataset(Graph g) {
        return DatasetGraphFactory.wrap(g);
    }

    @Test
    void aMissIsBuiltAndWrittenAHitIsReadBackTheSame(@TempDir Path dir) throws IOException {
        GraphCache cache = new GraphCache(dir.resolve("c"));
        Graph g = graph(50, "hello");
        AtomicInteger builds = new AtomicInteger();
        GraphCache.Lookup first = cache.get("k1", () -> {
            builds.incrementAndGet();
            return dataset(g);
        });
        assertFalse(first.hit());
        assertNull(first.discarded());
        assertTrue(Files.isRegularFile(cache.file("k1")));
        GraphCache.Lookup second = cache.get("k1", () -> {
            builds.incrementAndGet();
            return dataset(g);
        });
        assertTrue(second.hit());
        assertEquals(1, builds.get(), "the second lookup is not built");
        assertTrue(second.dataset().getDefaultGraph().isIsomorphicWith(g));
        assertEquals(
                "http://example.org/",
                second.dataset().getDefaultGraph().getPrefixMapping().getNsPrefixURI("ex"));
        try (var files = Files.list(cache.dir())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anotherKeyIsAnotherFileNeverTheStaleGraph(@TempDir Path dir) {
        GraphCache cache = new GraphCache(dir);
        cache.get("survey sha256=aaa version=1", () -> dataset(graph(3, "old")));
        GraphCache.Lookup l = cache.get("survey sha256=aaa version=2", () -> dataset(graph(3, "new")));
        assertFalse(l.hit());
        assertTrue(l.dataset().getDefaultGraph().isIsomorphicWith(graph(3, "new")));
    }

    @Test
    void aTruncatedFileIsDiscardedWithAWarningAndRebuilt(@TempDir Path dir) throws IOException {
        GraphCache cache = new GraphCache(dir);
        cache.put("k", dataset(graph(200, "full")));
        Path file = cache.file("k");
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {whole.length - 1, whole.length / 2, 10, 0}) {
            Files.write(file, java.util.Arrays.copyOf(whole, cut));
            GraphCache.Lookup l = cache.get("k", () -> dataset(graph(200, "full")));
            assertFalse(l.hit(), "cut at " + cut);
            assertNotNull(l.discarded(), "cut at " + cut);
            assertTrue(l.discarded().contains("truncated") && l.discarded().contains(file.toString()), l.discarded());
            assertTrue(l.dataset().getDefaultGraph().isIsomorphicWith(graph(200, "full")));
            assertArrayEquals(whole, Files.readAllBytes(file), "rebuilt and written whole again");
        }
    }

    @Test
    void aForeignFileIsDiscardedWithAWarningAndRebuilt(@TempDir Path dir) throws IOException {
        GraphCache cache = new GraphCache(dir);
        Path file = cache.file("k");
        Files.createDirectories(dir);
        byte[][] foreign = {
            "<http://example.org/s> <http://example.org/p> \"x\" .\n".getBytes(StandardCharsets.UTF_8),
            new byte[100_000], // no newline within the header's bound
            "PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1)
        };
        for (byte[] bytes : foreign) {
            Files.write(file, bytes);
            GraphCache.Lookup l = cache.get("k", () -> dataset(graph(5, "mine")));
            assertFalse(l.hit());
            assertTrue(l.discarded().contains("not a graph cache file"), l.discarded());
            assertTrue(l.dataset().getDefaultGraph().isIsomorphicWith(graph(5, "mine")));
            assertTrue(cache.get("k", () -> null).hit(), "the rebuilt graph is cached");
        }
    }

    @Test
    void aCorruptPayloadOrAFileOfAnotherKeyIsDiscarded(@TempDir Path dir) throws IOException {
        GraphCache cache = new GraphCache(dir);
        cache.put("k", dataset(graph(20, "good")));
        Path file = cache.file("k");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 0x55;
        Files.write(file, bytes);
        GraphCache.Lookup l = cache.get("k", () -> dataset(graph(20, "good")));
        assertFalse(l.hit());
        assertTrue(l.discarded().contains("corrupt"), l.discarded());

        // a file of another key under this key's name (copied by hand, say): never read as this key's graph
        cache.put("other", dataset(graph(2, "other")));
        Files.copy(cache.file("other"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GraphCache.Lookup m = cache.get("k", () -> dataset(graph(20, "good")));
        assertFalse(m.hit());
        assertTrue(m.discarded().contains("written for another source or program"), m.discarded());
        assertTrue(m.dataset().getDefaultGraph().isIsomorphicWith(graph(20, "good")));
    }

    @Test
    void aBuildThatGivesNothingIsNotCached(@TempDir Path dir) {
        GraphCache cache = new GraphCache(dir);
        assertNull(cache.get("k", () -> null).dataset());
        assertFalse(Files.exists(cache.file("k")));
    }

    @Test
    void anUnwritableCacheIsWarnedAboutAndTheGraphServedAllTheSame(@TempDir Path dir) throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        GraphCache cache = new GraphCache(notADir.resolve("sub"));
        GraphCache.Lookup l = cache.get("k", () -> dataset(graph(3, "x")));
        assertFalse(l.hit());
        assertTrue(l.dataset().getDefaultGraph().isIsomorphicWith(graph(3, "x")));
    }

    @Test
    void sortedWritesDependOnTheGraphAloneNotOnItsInsertionOrder() throws IOException {
        Graph a = graph(100, "w");
        Graph b = GraphFactory.createGraphMem();
        b.getPrefixMapping().setNsPrefixes(a.getPrefixMapping());
        List<Triple> ts = new ArrayList<>(a.find().toList());
        java.util.Collections.reverse(ts);
        ts.forEach(b::add);
        ByteArrayOutputStream x = new ByteArrayOutputStream(), y = new ByteArrayOutputStream();
        GraphCache.write(dataset(a), "k", x, true);
        GraphCache.write(dataset(b), "k", y, true);
        assertArrayEquals(x.toByteArray(), y.toByteArray());
        DatasetGraph back = GraphCache.read(new ByteArrayInputStream(x.toByteArray()), "k", "test");
        assertTrue(back.getDefaultGraph().isIsomorphicWith(a));
        assertThrows(
                GraphCache.Unusable.class,
                () -> GraphCache.read(new ByteArrayInputStream(x.toByteArray()), "k2", "test"));
    }

    @Test
    void namedGraphsRoundTrip(@TempDir Path dir) {
        DatasetGraph d = DatasetGraphFactory.create();
        graph(4, "dft").find().forEachRemaining(t -> d.getDefaultGraph().add(t));
        var g1 = NodeFactory.createURI("http://example.org/v1");
        graph(6, "v1").find().forEachRemaining(t -> d.add(g1, t.getSubject(), t.getPredicate(), t.getObject()));
        GraphCache cache = new GraphCache(dir);
        cache.put("h", d);
        DatasetGraph back = cache.get("h", () -> null).dataset();
        assertTrue(back.getDefaultGraph().isIsomorphicWith(d.getDefaultGraph()));
        assertTrue(back.getGraph(g1).isIsomorphicWith(d.getGraph(g1)));
    }

    /** Threads standing in for servers started at once on one cache: each gets the right graph, the file stays whole. */
    @Test
    void manyAtOnceOnOneCacheEachGetTheRightGraph(@TempDir Path dir) throws Exception {
        int n = 6;
        Graph expected = graph(5_000, "same");
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<GraphCache.Lookup>> all = new ArrayList<>();
            for (int i = 0; i < n; i++)
                all.add(pool.submit(() -> {
                    start.await();
                    // each its own GraphCache, as separate processes would have
                    return new GraphCache(dir).get("k", () -> dataset(graph(5_000, "same")));
                }));
            for (Future<GraphCache.Lookup> f : all) {
                GraphCache.Lookup l = f.get();
                assertNull(l.discarded(), "no one reads a half-written file");
                assertTrue(l.dataset().getDefaultGraph().isIsomorphicWith(expected));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(new GraphCache(dir).get("k", () -> null).hit(), "the file left is whole");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theDefaultFolderFollowsXdg() {
        assertEquals(Path.of("/x/cache", "vlm-survey-kg"), GraphCache.defaultDir("/x/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/vlm-survey-kg"), GraphCache.defaultDir(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/vlm-survey-kg"), GraphCache.defaultDir("", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/vlm-survey-kg"), GraphCache.defaultDir("relative", "/home/u"));
    }
}
