package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.history.HistoryLimits;
import org.w3id.vlmsurvey.history.TestHistory;

/** serve --history-git keeps the built history in the graph cache, keyed by HEAD's commit, the file and the limits. */
class HistoryCacheTest {

    record Built(DatasetGraph dataset, String err) {}

    static Built cached(Path cache, Path repo, HistoryLimits limits) {
        StringWriter err = new StringWriter();
        DatasetGraph d =
                HistoryCommand.cached(cache, List.of(repo), List.of("README.md"), limits, new PrintWriter(err));
        return new Built(d, err.toString());
    }

    static DatasetGraph fresh(Path repo, HistoryLimits limits) {
        return HistoryCommand.build(List.of(repo), List.of("README.md"), limits, new PrintWriter(new StringWriter()));
    }

    static void assertSame(DatasetGraph expected, DatasetGraph actual) {
        assertTrue(expected.getDefaultGraph().isIsomorphicWith(actual.getDefaultGraph()), "default graph");
        List<Node> names = new ArrayList<>(), got = new ArrayList<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        actual.listGraphNodes().forEachRemaining(got::add);
        assertEquals(new java.util.HashSet<>(names), new java.util.HashSet<>(got));
        for (Node g : names) assertTrue(expected.getGraph(g).isIsomorphicWith(actual.getGraph(g)), g.toString());
    }

    @Test
    void theSameHeadFileAndLimitsAreReadFromTheCacheAnotherHeadOrLimitsAreBuilt(@TempDir Path dir) throws Exception {
        TestHistory h = TestHistory.create(dir.resolve("repo"));
        Path cache = dir.resolve("cache");
        HistoryLimits limits = HistoryLimits.defaults();

        Built first = cached(cache, h.dir, limits);
        assertFalse(first.err().contains("from the graph cache"), first.err());
        assertTrue(first.err().contains("versions:"), first.err());
        Built second = cached(cache, h.dir, limits);
        assertTrue(second.err().contains("from the graph cache"), second.err());
        assertSame(fresh(h.dir, limits), second.dataset());

        HistoryLimits fewer = new HistoryLimits(limits.maxFileBytes(), 20, limits.maxTotalBytes());
        Built limited = cached(cache, h.dir, fewer);
        assertFalse(limited.err().contains("from the graph cache"), "other limits: built");
        assertSame(fresh(h.dir, fewer), limited.dataset());

        // HEAD moves back to an earlier commit: another key, built again, never the later history
        try (Repository repo = new FileRepositoryBuilder()
                .setGitDir(h.dir.resolve(".git").toFile())
                .build()) {
            RefUpdate main = repo.updateRef("refs/heads/main");
            main.setNewObjectId(ObjectId.fromString(h.version("v5").sha()));
            main.forceUpdate();
        }
        Built moved = cached(cache, h.dir, limits);
        assertFalse(moved.err().contains("from the graph cache"), moved.err());
        assertSame(fresh(h.dir, limits), moved.dataset());
        assertTrue(cached(cache, h.dir, limits).err().contains("from the graph cache"));

        // no cache folder: built every time
        assertFalse(cached(null, h.dir, limits).err().contains("from the graph cache"));
    }

    /** Several repositories: the key names each one's head and file, in order; a change in any of them is built. */
    @Test
    void severalRepositoriesAreOneKeyOfEveryHeadInOrder(@TempDir Path dir) throws Exception {
        List<TestHistory> two = TestHistory.twoSurveys(dir);
        List<Path> ab = List.of(two.get(0).dir, two.get(1).dir), ba = List.of(two.get(1).dir, two.get(0).dir);
        List<String> files = List.of("README.md", "README.md");
        Path cache = dir.resolve("cache");
        HistoryLimits limits = HistoryLimits.defaults();
        StringWriter err = new StringWriter();
        DatasetGraph first = HistoryCommand.cached(cache, ab, files, limits, new PrintWriter(err));
        assertFalse(err.toString().contains("from the graph cache"), err.toString());
        StringWriter again = new StringWriter();
        DatasetGraph second = HistoryCommand.cached(cache, ab, files, limits, new PrintWriter(again));
        assertEquals(
                List.of(
                        "history of README.md at " + two.get(0).version("v2").sha() + ": from the graph cache " + cache,
                        "history of README.md at " + two.get(1).version("v2").sha() + ": from the graph cache "
                                + cache),
                again.toString().lines().toList());
        assertSame(first, second);
        assertTrue(second.containsGraph(org.w3id.vlmsurvey.history.Histories.NEWEST));
        StringWriter swapped = new StringWriter();
        HistoryCommand.cached(cache, ba, files, limits, new PrintWriter(swapped));
        assertFalse(swapped.toString().contains("from the graph cache"), "another order: another first survey");
        StringWriter one = new StringWriter();
        HistoryCommand.cached(cache, ab.subList(0, 1), files.subList(0, 1), limits, new PrintWriter(one));
        assertFalse(one.toString().contains("from the graph cache"), "the first repository alone is another key");
    }
}
