package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.cache.GraphCache;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * Where the served graph comes from (prebuilt, cached, mapped), through the real loader into a real store: the
 * graph served is always the graph a fresh build gives.
 */
class BuiltGraphsTest {
    static byte[] bundled;
    static Graph bundledGraph;

    @BeforeAll
    static void mapTheBundledSurvey() {
        bundled = Bundled.bytes(Bundled.SURVEY);
        bundledGraph = SurveyGraph.build(SurveyGraph.Snapshot.of(Bundled.SURVEY, bundled), 1, null)
                .data();
    }

    /** The data served (the default graph without the ontology). */
    static Graph served(SurveyStore store) {
        Graph ontology = SurveyGraph.ontology();
        return Txn.calculateRead(store.dataset(), () -> {
            Graph g = GraphFactory.createGraphMem();
            store.dataset().getDefaultGraph().find().forEachRemaining(t -> {
                if (!ontology.contains(t)) g.add(t);
            });
            return g;
        });
    }

    /** The data graph that mapping {@code bytes} gives, ontology triples left out as {@link #served} does. */
    static Graph mapped(byte[] bytes) {
        Graph ontology = SurveyGraph.ontology();
        Graph g = GraphFactory.createGraphMem();
        SurveyGraph.build(SurveyGraph.Snapshot.of("x.md", bytes), 1, null)
                .data()
                .find()
                .forEachRemaining(t -> {
                    if (!ontology.contains(t)) g.add(t);
                });
        return g;
    }

    record Load(SurveyLoader.Outcome outcome, Graph served) {}

    static Load load(Path md, Path cacheDir, String version) {
        SurveyStore store = SurveyStore.inMemory();
        try {
            SurveyLoader.Outcome o = new SurveyLoader(
                            store,
                            SurveyGraph.Source.file(md).withLinks(null),
                            false,
                            1,
                            SurveyGraph.Source::read,
                            new BuiltGraphs(new GraphCache(cacheDir), version))
                    .load();
            assertTrue(o.loaded(), o.problems().toString());
            return new Load(o, served(store));
        } finally {
            store.close();
        }
    }

    static byte[] edited(String from, String to) {
        String text = new String(bundled, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theJarCarriesTheBundledGraphAndServeLoadsItInsteadOfMapping() {
        assertTrue(Bundled.exists(BuiltGraphs.PREBUILT), "built by the process-classes execution");
        SurveyStore store = SurveyStore.inMemory();
        try {
            SurveyLoader.Outcome o = new SurveyLoader(
                            store, SurveyGraph.Source.bundled().withLinks(null), false, 1, SurveyGraph.Source::read)
                    .load();
            assertEquals(BuiltGraphs.Origin.PREBUILT, o.origin());
            assertTrue(served(store).isIsomorphicWith(mapped(bundled)), "the prebuilt graph is the mapped one");
            assertTrue(store.textDocuments() > 0, "and it is indexed for text search");
        } finally {
            store.close();
        }
    }

    @Test
    void aPrebuiltGraphOfAnotherProgramVersionIsNotUsed() {
        BuiltGraphs other = new BuiltGraphs(null, "0.0.0-other");
        SurveyGraph.Source source = SurveyGraph.Source.bundled().withLinks(null);
        assertEquals(null, other.prebuilt(source, source.read()), "a mismatch maps (and says so in the log)");
        BuiltGraphs.Built b = other.graph(source, source.read(), true, s -> SurveyGraph.build(s, 1, null));
        assertEquals(BuiltGraphs.Origin.MAPPED, b.origin());
    }

    @Test
    void theSameReadmeInAFileAlsoGetsThePrebuiltGraph(@TempDir Path dir) throws Exception {
        Path md = Files.write(dir.resolve("README.md"), bundled);
        Load l = load(
                md,
                dir.resolve("cache"),
                org.w3id.vlmsurvey.bundle.BuildVersion.current().version());
        assertEquals(BuiltGraphs.Origin.PREBUILT, l.outcome().origin());
        assertTrue(l.served().isIsomorphicWith(mapped(bundled)));
    }

    @Test
    void aChangedReadmeIsMappedAgainNeverTheStaleGraph(@TempDir Path dir) throws Exception {
        Path md = Files.write(dir.resolve("README.md"), edited("GroupViT", "GroupVeeT"));
        Path cache = dir.resolve("cache");
        Load first = load(md, cache, "1");
        assertEquals(BuiltGraphs.Origin.MAPPED, first.outcome().origin());
        Load second = load(md, cache, "1");
        assertEquals(BuiltGraphs.Origin.CACHED, second.outcome().origin(), "the same README is reused");
        assertTrue(second.served().isIsomorphicWith(mapped(Files.readAllBytes(md))));

        byte[] changed = edited("GroupViT", "GroupVyT");
        Files.write(md, changed);
        Load third = load(md, cache, "1");
        assertEquals(BuiltGraphs.Origin.MAPPED, third.outcome().origin(), "a changed README is mapped");
        assertTrue(third.served().isIsomorphicWith(mapped(changed)));
        assertFalse(third.served().isIsomorphicWith(second.served()));
    }

    @Test
    void aChangedJarVersionIsMappedAgain(@TempDir Path dir) throws Exception {
        Path md = Files.write(dir.resolve("README.md"), edited("GroupViT", "GroupVeeT"));
        Path cache = dir.resolve("cache");
        assertEquals(BuiltGraphs.Origin.MAPPED, load(md, cache, "1.0").outcome().origin());
        assertEquals(BuiltGraphs.Origin.CACHED, load(md, cache, "1.0").outcome().origin());
        Load other = load(md, cache, "1.1");
        assertEquals(BuiltGraphs.Origin.MAPPED, other.outcome().origin(), "another version does not reuse it");
        assertTrue(other.served().isIsomorphicWith(mapped(Files.readAllBytes(md))));
        assertEquals(BuiltGraphs.Origin.CACHED, load(md, cache, "1.1").outcome().origin());
    }

    @Test
    void aTruncatedOrForeignCacheFileIsDiscardedAndTheRightGraphServed(@TempDir Path dir) throws Exception {
        byte[] bytes = edited("GroupViT", "GroupVeeT");
        Path md = Files.write(dir.resolve("README.md"), bytes);
        Path cacheDir = dir.resolve("cache");
        load(md, cacheDir, "1");
        Path file = new GraphCache(cacheDir)
                .file(BuiltGraphs.key(
                        SurveyGraph.Source.file(md).withLinks(null).read(), "1"));
        byte[] whole = Files.readAllBytes(file);
        Graph expected = mapped(bytes);
        for (byte[] broken : new byte[][] {
            java.util.Arrays.copyOf(whole, whole.length * 2 / 3), "foreign\n".getBytes(StandardCharsets.UTF_8)
        }) {
            Files.write(file, broken);
            Load l = load(md, cacheDir, "1");
            assertEquals(BuiltGraphs.Origin.MAPPED, l.outcome().origin());
            assertTrue(l.served().isIsomorphicWith(expected));
            assertEquals(
                    BuiltGraphs.Origin.CACHED, load(md, cacheDir, "1").outcome().origin(), "rebuilt");
        }
    }

    @Test
    void aReadmeWithErrorsIsNotCached(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("README.md"), "# nothing here\n");
        Path cacheDir = dir.resolve("cache");
        SurveyStore store = SurveyStore.inMemory();
        try {
            SurveyLoader.Outcome o = new SurveyLoader(
                            store,
                            SurveyGraph.Source.file(md).withLinks(null),
                            false,
                            1,
                            SurveyGraph.Source::read,
                            new BuiltGraphs(new GraphCache(cacheDir), "1"))
                    .load();
            assertFalse(o.loaded());
        } finally {
            store.close();
        }
        assertFalse(Files.exists(cacheDir) && Files.list(cacheDir).findAny().isPresent(), "nothing cached");
    }

    /** Servers started at once on one cache (each its loader, store and cache object): all serve the right graph. */
    @Test
    void serversStartingAtOnceOnOneCacheAllServeTheRightGraph(@TempDir Path dir) throws Exception {
        byte[] bytes = edited("GroupViT", "GroupVeeT");
        Path md = Files.write(dir.resolve("README.md"), bytes);
        Path cacheDir = dir.resolve("cache");
        Graph expected = mapped(bytes);
        int n = 3;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Load>> all = new ArrayList<>();
            for (int i = 0; i < n; i++)
                all.add(pool.submit(() -> {
                    start.await();
                    return load(md, cacheDir, "1");
                }));
            for (Future<Load> f : all) assertTrue(f.get().served().isIsomorphicWith(expected));
        } finally {
            pool.shutdownNow();
        }
        Load after = load(md, cacheDir, "1");
        assertEquals(BuiltGraphs.Origin.CACHED, after.outcome().origin(), "the cache file left is whole");
        assertTrue(after.served().isIsomorphicWith(expected));
    }

    /** The key of one history is the one it always was; several name every head and file, in order. */
    @Test
    void theHistoryKeyNamesEveryRepositoryInOrder() {
        String program = " program=" + Fingerprint.programDigest() + " version=1.0";
        String[][] cases = {
            {"h1", "README.md", null, null, "history head=h1 file=README.md limits=L" + program},
            {
                "h1",
                "README.md",
                "h2",
                "list.md",
                "history head=h1 file=README.md head=h2 file=list.md limits=L" + program
            },
            {
                "h2",
                "list.md",
                "h1",
                "README.md",
                "history head=h2 file=list.md head=h1 file=README.md limits=L" + program
            },
        };
        for (String[] c : cases) {
            List<String> heads = c[2] == null ? List.of(c[0]) : List.of(c[0], c[2]);
            List<String> files = c[2] == null ? List.of(c[1]) : List.of(c[1], c[3]);
            assertEquals(c[4], BuiltGraphs.historyKey(heads, files, "L", "1.0"));
        }
    }
}
