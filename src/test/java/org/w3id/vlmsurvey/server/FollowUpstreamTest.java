package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.GitMirror;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;
import org.w3id.vlmsurvey.server.store.HistoryRefresh;
import org.w3id.vlmsurvey.server.store.HistoryRepository;
import org.w3id.vlmsurvey.server.store.RefreshStatus;

/**
 * Issue 16 part 7, over real HTTP: a server following a repository by {@code file://} URL (cloned into the cache
 * folder) serves the commits made to it while it runs, without a restart (papers, search, changes, versions), and
 * keeps serving the last good state when a new version does not map or the repository is gone.
 */
class FollowUpstreamTest {
    static final String WORD = "zebrafish";
    static final String ADDED_ROW =
            "|[ZebraCLIP: Zebrafish Vision-Language Pre-training](https://arxiv.org/pdf/2401.00001.pdf)|CVPR 2024|-|\n";

    /** The tables version of the test history (3 papers, 3 datasets), with a row added under FILIP's. */
    static String v3(boolean withZebra) throws IOException {
        String text = Files.readString(TestHistory.VERSIONS.resolve("v3.md"));
        if (!withZebra) return text;
        String filip =
                text.lines().filter(l -> l.startsWith("|[FILIP")).findFirst().orElseThrow();
        return text.replace(filip + "\n", filip + "\n" + ADDED_ROW);
    }

    /** A work tree whose commits a running server follows. */
    static final class Upstream implements AutoCloseable {
        final Path dir;
        final Git git;
        int commits;

        Upstream(Path dir) throws GitAPIException {
            this.dir = dir;
            this.git = Git.init()
                    .setDirectory(dir.toFile())
                    .setInitialBranch("main")
                    .call();
        }

        /** Commits README.md with {@code text} (null: removes it); returns the commit. */
        RevCommit commit(String text) throws IOException, GitAPIException {
            commits++;
            Path readme = dir.resolve("README.md");
            if (text == null) {
                git.rm().addFilepattern("README.md").call();
                Files.writeString(dir.resolve("NOTES.md"), "notes " + commits + "\n");
            } else Files.writeString(readme, text);
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent(
                    "Survey Maintainer",
                    "maintainer@example.org",
                    java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * commits),
                    java.time.ZoneOffset.UTC);
            return git.commit()
                    .setMessage("version " + commits)
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
        }

        String url() {
            return dir.toUri().toString();
        }

        @Override
        public void close() {
            git.close();
        }
    }

    /** The history of a repository's README.md, as serve builds it (here without the cache). */
    static final Function<Path, DatasetGraph> BUILD = dir -> {
        try (GitSnapshots git = GitSnapshots.open(dir, "README.md")) {
            return History.build(git.history(), 2).dataset();
        }
    };

    /** Starts a server on the history of {@code repo} and follows it (refreshed by the test, or every interval). */
    static SurveyServer serve(HistoryRepository repo, Duration every) {
        SurveyServer server = SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.bundled())
                        .port(0)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                BUILD.apply(repo.dir()),
                2);
        server.follow(new HistoryRefresh(repo, "README.md", BUILD, server.store()).every(every));
        return server;
    }

    static int papers(SurveyServer s) {
        HttpResponse<String> r = Http.get(s.url() + "/papers.json", null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parseAny(r.body()).getAsArray().size();
    }

    static String page(SurveyServer s, String path) {
        HttpResponse<String> r = Http.get(s.url() + path, "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    static int hits(SurveyServer s, String word) {
        HttpResponse<String> r = Http.get(s.url() + "/search.json?q=" + word, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parseAny(r.body()).getAsArray().size();
    }

    @Test
    void newCommitsAreServedWithoutARestartAndABadOneKeepsTheLastGoodState(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        try (Upstream up = new Upstream(tmp.resolve("upstream"))) {
            RevCommit first = up.commit(v3(false));
            try (HistoryRepository repo = HistoryRepository.open(up.url(), cache);
                    SurveyServer server = serve(repo, Duration.ZERO)) {
                // the clone lives in the cache folder, under the URL's hash, and is a bare repository
                assertEquals(GitMirror.folder(cache, up.url()), repo.dir());
                assertTrue(Files.isRegularFile(repo.dir().resolve("HEAD")), "a bare clone");
                assertFalse(Files.exists(repo.dir().resolve("README.md")), "no work tree");
                assertEquals(3, papers(server));
                assertEquals(0, hits(server, WORD));
                assertTrue(page(server, "/versions").contains("1 versions of the survey"));
                HistoryRefresh refresh = server.refresh();

                // nothing new: the same state, a status that says so
                RefreshStatus same = refresh.refreshNow();
                assertTrue(same.ok(), same.message());
                assertTrue(same.message().startsWith("no new commit"), same.message());

                // a commit adding a paper, made while the server runs
                RevCommit second = up.commit(v3(true));
                assertEquals(3, papers(server), "not fetched yet: nothing a request does fetches");
                RefreshStatus s = refresh.refreshNow();
                assertTrue(s.ok(), s.message());
                assertEquals(4, papers(server));
                assertTrue(page(server, "/papers").contains("ZebraCLIP"));
                assertEquals(1, hits(server, WORD), "the text index is the new version's");
                String versions = page(server, "/versions");
                assertTrue(versions.contains("2 versions of the survey"), versions);
                assertTrue(versions.contains("/versions/" + second.name()), versions);
                assertTrue(versions.contains("Last refresh from the repository at"), versions);
                String changes = page(server, "/changes");
                int at = changes.indexOf("id=\"v-" + second.name().substring(0, 7) + "\"");
                assertTrue(at >= 0, changes);
                assertTrue(changes.indexOf("ZebraCLIP", at) > at, "the paper added at the new version");
                assertTrue(page(server, "/versions/" + first.name())
                        .contains(first.name().substring(0, 7)));

                // a version that does not map (a table row without a title): the last good state stays served
                up.commit(v3(true).replace(ADDED_ROW, ADDED_ROW + "||CVPR 2024|[Code](https://github.com/x/y)|\n"));
                RevCommit broken = up.git.log().setMaxCount(1).call().iterator().next();
                RefreshStatus bad = refresh.refreshNow();
                assertFalse(bad.ok(), bad.message());
                assertTrue(bad.message().contains("README.md@" + broken.name().substring(0, 7)), bad.message());
                assertTrue(bad.message().contains("error"), bad.message());
                assertEquals(4, papers(server));
                assertEquals(1, hits(server, WORD));
                String failed = page(server, "/versions");
                assertTrue(failed.contains("2 versions of the survey"), failed);
                assertTrue(failed.contains("Last refresh failed at"), failed);
                assertTrue(failed.contains("README.md@" + broken.name().substring(0, 7)), failed);

                // the file removed: still the last good state, and why
                RevCommit removed = up.commit(null);
                RefreshStatus gone = refresh.refreshNow();
                assertFalse(gone.ok(), gone.message());
                assertTrue(gone.message().contains("README.md@" + removed.name().substring(0, 7)), gone.message());
                assertTrue(gone.message().contains("has no file README.md"), gone.message());
                assertEquals(4, papers(server));

                // the repository gone: the fetch fails, named by its URL; still serving
                org.eclipse.jgit.util.FileUtils.delete(up.dir.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
                RefreshStatus unreachable = refresh.refreshNow();
                assertFalse(unreachable.ok(), unreachable.message());
                assertTrue(unreachable.message().startsWith(up.url()), unreachable.message());
                assertTrue(unreachable.message().contains("cannot fetch it"), unreachable.message());
                assertEquals(4, papers(server));
                assertEquals(1, hits(server, WORD));
            }
        }
    }

    static long paperCount(DatasetGraph d) {
        try (var qe = org.apache.jena.sparql.exec.QueryExec.dataset(d)
                .query("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <https://w3id.org/vlm-survey/ontology#Paper> }")
                .build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    /**
     * A query running when the refresh swaps the state (a read transaction open across it) finishes on the old state;
     * the next one sees the new state.
     */
    @Test
    void aReaderInFlightFinishesOnTheOldState(@TempDir Path tmp) throws Exception {
        try (Upstream up = new Upstream(tmp.resolve("upstream"))) {
            up.commit(v3(false));
            try (HistoryRepository repo = HistoryRepository.open(up.url(), tmp.resolve("cache"));
                    SurveyServer server = serve(repo, Duration.ZERO)) {
                DatasetGraph served = server.store().dataset();
                up.commit(v3(true));
                served.begin(org.apache.jena.query.TxnType.READ);
                try {
                    assertEquals(3, paperCount(served));
                    // the refresh runs (and commits) on another thread while this read is open
                    RefreshStatus s = java.util.concurrent.CompletableFuture.supplyAsync(
                                    () -> server.refresh().refreshNow())
                            .get();
                    assertTrue(s.ok(), s.message());
                    assertEquals(3, paperCount(served), "the read that started before sees the old state");
                } finally {
                    served.end();
                }
                assertEquals(4, org.apache.jena.system.Txn.calculateRead(served, () -> paperCount(served)));
                assertEquals(4, papers(server));
            }
        }
    }

    /** The timer's path: a commit is served within a few refreshes of 100 ms, with no call from the test. */
    @Test
    void theScheduledRefreshFollowsTheRepository(@TempDir Path tmp) throws Exception {
        try (Upstream up = new Upstream(tmp.resolve("upstream"))) {
            up.commit(v3(false));
            Path clone;
            try (HistoryRepository repo = HistoryRepository.open(up.url(), null);
                    SurveyServer server = serve(repo, Duration.ofMillis(100))) {
                clone = repo.dir();
                assertTrue(repo.temporary(), "without a cache the clone is in a temporary folder");
                assertEquals(3, papers(server));
                up.commit(v3(true));
                org.w3id.vlmsurvey.Eventually.until("the new paper served", () -> papers(server) == 4);
                assertEquals(1, hits(server, WORD));
                long runs = server.refresh().refreshes();
                org.w3id.vlmsurvey.Eventually.until(
                        "it keeps refreshing", () -> server.refresh().refreshes() > runs);
                assertNotNull(server.refresh().status());
                assertTrue(
                        server.refresh().status().ok(),
                        server.refresh().status().message());
            }
            // the temporary clone is deleted on close (the server stopped its timer first)
            assertFalse(Files.exists(clone), clone.toString());
        }
    }
}
