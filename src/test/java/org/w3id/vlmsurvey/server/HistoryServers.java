package org.w3id.vlmsurvey.server;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.Histories;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;

/** A real server on an ephemeral port serving a test history built from its git repository (the tests' one way). */
final class HistoryServers {
    private HistoryServers() {}

    /** Builds the history of {@code repo}'s README.md (2 threads) and serves it, with a 30 s query timeout. */
    static SurveyServer start(TestHistory repo) throws IOException {
        return start(List.of(repo));
    }

    /**
     * Builds the history of each repository's README.md (2 threads), one survey each, and serves them (one: its
     * history; several: {@link Histories#dataset}, the newest of each merged), with a 30 s query timeout.
     */
    static SurveyServer start(List<TestHistory> repos) throws IOException {
        List<History> histories = new ArrayList<>();
        for (TestHistory repo : repos)
            try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
                histories.add(History.build(git.history(), 2));
            }
        return SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.bundled())
                        .port(0)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                Histories.dataset(histories, 2),
                2);
    }
}
