package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.store.ServedHistory;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * A refresh swapping the history served ({@code serve --history-git URL --refresh}) while requests and queries run:
 * a page is made from one snapshot of the history, and a read transaction sees the versions' graphs and the snapshot
 * of the data it reads, from its start to its end.
 */
class HistorySwapTest {
    /** The number of versions' graphs (named graphs) a query on {@code d} sees. */
    static long versionGraphs(DatasetGraph d) {
        try (QueryExec qe = QueryExec.dataset(d)
                .query("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
                .build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    /**
     * The history is swapped in the middle of a request for {@code /versions} (after it read the versions, before it
     * made the banner of the version shown: the refresh status it reads on the way is the seam): the page still shows
     * one history, the one it started with, and the next request shows the new one.
     */
    @Test
    void aPageRenderedDuringASwapShowsOneHistory(@TempDir Path tmp) throws Exception {
        try (FollowUpstreamTest.Upstream up = new FollowUpstreamTest.Upstream(tmp.resolve("upstream"))) {
            RevCommit first = up.commit(FollowUpstreamTest.v3(false));
            DatasetGraph older = FollowUpstreamTest.BUILD.apply(up.dir);
            RevCommit second = up.commit(FollowUpstreamTest.v3(true));
            DatasetGraph newer = FollowUpstreamTest.BUILD.apply(up.dir);
            try (SurveyServer server = SurveyServer.start(
                    ServerOptions.builder(SurveyGraph.Source.bundled())
                            .port(0)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    older,
                    2)) {
                SurveyStore store = server.store();
                AtomicInteger swaps = new AtomicInteger();
                store.refreshStatus(() -> {
                    if (swaps.getAndIncrement() == 0) store.replaceHistory(newer);
                    return null;
                });
                String during = FollowUpstreamTest.page(server, "/versions");
                assertEquals(1, swaps.get(), "the page read the refresh status once, and the history was swapped");
                assertTrue(during.contains("1 versions of the survey"), during);
                assertTrue(during.contains(first.name()), during);
                assertFalse(during.contains(second.name().substring(0, 7)), "no part of the page from the new history");
                String after = FollowUpstreamTest.page(server, "/versions");
                assertTrue(after.contains("2 versions of the survey"), after);
                assertTrue(after.contains("<code>" + second.name().substring(0, 7) + "</code>"), after);
            }
        }
    }

    /**
     * A read transaction open when a refresh swaps the history keeps the old versions' graphs (linked beside the
     * in-memory store) and the old snapshot of versions, with the old data; a transaction that begins after it sees
     * the new data, the new versions' graphs and the new snapshot together.
     */
    @Test
    void aReaderInFlightKeepsTheOldVersionsWithTheOldData(@TempDir Path tmp) throws Exception {
        try (FollowUpstreamTest.Upstream up = new FollowUpstreamTest.Upstream(tmp.resolve("upstream"))) {
            up.commit(FollowUpstreamTest.v3(false));
            try (var repo = org.w3id.vlmsurvey.server.store.HistoryRepository.open(up.url(), tmp.resolve("cache"));
                    SurveyServer server = FollowUpstreamTest.serve(repo, Duration.ZERO)) {
                SurveyStore store = server.store();
                DatasetGraph served = store.dataset();
                up.commit(FollowUpstreamTest.v3(true));
                ServedHistory before = store.served();
                served.begin(TxnType.READ);
                try {
                    assertEquals(1, versionGraphs(served));
                    assertSame(before, store.served());
                    // the refresh runs (and commits) on another thread while this read is open
                    var s = CompletableFuture.supplyAsync(() -> server.refresh().refreshNow())
                            .get();
                    assertTrue(s.ok(), s.message());
                    assertEquals(3, FollowUpstreamTest.paperCount(served), "the old data");
                    assertEquals(1, versionGraphs(served), "the old versions' graphs, with the old data");
                    assertSame(before, store.served(), "the snapshot of the data this transaction reads");
                    assertEquals(1, store.served().versions().all().size());
                } finally {
                    served.end();
                }
                ServedHistory now = store.served();
                assertEquals(2, now.versions().all().size(), "outside a transaction, the new snapshot");
                Txn.executeRead(served, () -> {
                    assertEquals(4, FollowUpstreamTest.paperCount(served));
                    assertEquals(2, versionGraphs(served));
                    assertSame(now, store.served());
                });
            }
        }
    }
}
