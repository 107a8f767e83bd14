package org.w3id.vlmsurvey.server;

import java.io.IOException;
import java.time.Duration;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;

/** A real server on an ephemeral port serving a test history built from its git repository (the tests' one way). */
final class HistoryServers {
    private HistoryServers() {}

    /** Builds the history of {@code repo}'s README.md (2 threads) and serves it, with a 30 s query timeout. */
    static SurveyServer start(TestHistory repo) throws IOException {
        History h;
        try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
            h = History.build(git.history(), 2);
        }
        return SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.bundled())
                        .port(0)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                h.dataset(),
                2);
    }
}
