package org.w3id.vlmsurvey.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * How to run the server. The defaults are the safe ones: loopback only, a 10 s query timeout, no federated
 * query, no update endpoint.
 *
 * @param watchInterval how often {@code --watch} looks at the source file
 */
public record ServerOptions(SurveyGraph.Source source, String host, int port, Duration timeout, Path tdb2,
                            boolean watch, List<String> allowService, Path updatePasswordFile, Duration watchInterval) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ServerOptions {
        allowService = List.copyOf(allowService);
        if (watch && source.path() == null)
            throw new IllegalArgumentException("--watch needs a source file (--source FILE.md): the bundled copy never changes");
    }

    public static ServerOptions defaults(SurveyGraph.Source source) {
        return new ServerOptions(source, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT, null, false, List.of(), null,
                Duration.ofSeconds(1));
    }

    public ServerOptions withPort(int p) { return new ServerOptions(source, host, p, timeout, tdb2, watch, allowService, updatePasswordFile, watchInterval); }
    public ServerOptions withTimeout(Duration t) { return new ServerOptions(source, host, port, t, tdb2, watch, allowService, updatePasswordFile, watchInterval); }
    public ServerOptions withTdb2(Path d) { return new ServerOptions(source, host, port, timeout, d, watch, allowService, updatePasswordFile, watchInterval); }
    public ServerOptions withWatch(Duration interval) { return new ServerOptions(source, host, port, timeout, tdb2, true, allowService, updatePasswordFile, interval); }
    public ServerOptions withAllowService(List<String> a) { return new ServerOptions(source, host, port, timeout, tdb2, watch, a, updatePasswordFile, watchInterval); }
    public ServerOptions withUpdatePasswordFile(Path f) { return new ServerOptions(source, host, port, timeout, tdb2, watch, allowService, f, watchInterval); }
}
