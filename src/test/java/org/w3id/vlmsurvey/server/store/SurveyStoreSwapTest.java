package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.Eventually;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;

/**
 * The swap of a served history in the in-memory store ({@link SurveyStore#replaceHistory}): a read transaction that
 * begins when the new data is committed, before the snapshot is swapped, waits for the swap and then sees the new
 * data, the new versions' graphs and the new snapshot together, never the new data with the old versions.
 */
class SurveyStoreSwapTest {
    static final Node ALIGN = NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/arxiv-2102.05918");

    static DatasetGraph history(TestHistory repo) {
        try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
            return History.build(git.history(), 2).dataset();
        }
    }

    /** What a read transaction sees: the snapshot's versions, the versions' graphs, and whether ALIGN is listed. */
    static String seen(SurveyStore store) {
        DatasetGraph d = store.dataset();
        long graphs = org.apache.jena.atlas.iterator.Iter.count(d.listGraphNodes());
        boolean align = d.getDefaultGraph().contains(ALIGN, RDF.type.asNode(), Node.ANY);
        return store.served().versions().all().size() + " versions, " + graphs + " graphs, ALIGN "
                + (align ? "listed" : "not listed");
    }

    @Test
    void aReaderBeginningAtTheCommitSeesTheNewDataWithTheNewVersions(@TempDir Path tmp) throws Exception {
        // before: the survey at v7 alone (ALIGN listed); after: v7 then v8 (ALIGN no longer listed)
        String v7 = Files.readString(TestHistory.VERSIONS.resolve("v7.md"));
        String v8 = Files.readString(TestHistory.VERSIONS.resolve("v8.md"));
        DatasetGraph before =
                history(TestHistory.linear(tmp.resolve("a"), List.of(Map.entry("2023-09-12T14:20:00Z", v7))));
        DatasetGraph after = history(TestHistory.linear(
                tmp.resolve("b"),
                List.of(Map.entry("2023-09-12T14:20:00Z", v7), Map.entry("2024-01-15T10:00:00Z", v8))));
        SurveyStore store = SurveyStore.inMemory();
        try {
            store.history(before);
            store.replace(store.served().versions().newest(), null);
            assertEquals("1 versions, 1 graphs, ALIGN listed", Txn.calculateRead(store.dataset(), () -> seen(store)));

            CompletableFuture<String> seen = new CompletableFuture<>();
            store.afterCommit(() -> {
                // the new data is committed, the snapshot not swapped yet: a reader begins now, on another thread
                Thread reader = new Thread(() -> {
                    try {
                        seen.complete(Txn.calculateRead(store.dataset(), () -> seen(store)));
                    } catch (RuntimeException | Error e) {
                        seen.completeExceptionally(e);
                    }
                });
                reader.start();
                Eventually.until(
                        "the reader has read, or waits for the swap to begin",
                        () -> seen.isDone() || store.waitsForSwap(reader));
            });
            store.replaceHistory(after);
            assertEquals("2 versions, 2 graphs, ALIGN not listed", seen.get());
        } finally {
            store.close();
        }
    }
}
