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

/**
 * A real server on an ephemeral port serving a test history built from its git repository (the tests' one way), as
 * {@code serve --history FILE.trig} does: written as TriG (the change sets of {@code history -o}) and read back.
 */
final class HistoryServers {
    private HistoryServers() {}

    /**
     * Builds the history of {@code repo}'s README.md (2 threads), writes it next to the repository as
     * {@code history.trig} and serves that file, with a 30 s query timeout.
     */
    static SurveyServer start(TestHistory repo) throws IOException {
        return start(List.of(repo));
    }

    /**
     * Builds the history of each repository's README.md (2 threads), one survey each, writes it next to the first
     * repository as {@code history.trig} (one: {@link History#changeSets}; several: {@link Histories#changeSets}, the
     * newest of each merged) and serves that file, with a 30 s query timeout.
     */
    static SurveyServer start(List<TestHistory> repos) throws IOException {
        List<History> histories = new ArrayList<>();
        for (TestHistory repo : repos)
            try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
                histories.add(History.build(git.history(), 2));
            }
        java.nio.file.Path trig = repos.get(0).dir.resolveSibling("history.trig");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(trig)) {
            org.w3id.vlmsurvey.export.Exporter.writeTrig(Histories.changeSets(histories, 2), out);
        }
        return SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.bundled())
                        .port(0)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                History.read(trig),
                2);
    }
}
