package org.w3id.vlmsurvey.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.query.QueryPolicy;

/**
 * How to run the server. The defaults are the safe ones: loopback only, a 10 s query timeout, no federated
 * query, no update endpoint.
 *
 * @param watchInterval how often {@code --watch} looks at the source file
 * @param queryPolicy   what every query the server runs may ask for (syntax, property functions, text search, rows
 *                      held in memory): {@link QueryPolicy}
 */
public record ServerOptions(
        SurveyGraph.Source source,
        String host,
        int port,
        Duration timeout,
        Path tdb2,
        boolean watch,
        List<String> allowService,
        Path updatePasswordFile,
        Duration watchInterval,
        Limits limits,
        QueryPolicy queryPolicy) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What a public endpoint needs bounded. The defaults are for a lab server on the internet.
     *
     * @param maxQuerySize  bytes of a query (URL query string or body); larger answers 413
     * @param maxQueries    queries running at once
     * @param queueLength   queries waiting for one of those (at most the query timeout); more answer 503
     * @param resultBuffer  bytes of a result held back so that a failure still gets its status; past it, streamed
     * @param allowLoad     whether SPARQL Update may {@code LOAD} (files and URLs): off
     * @param maxResultTriples triples a CONSTRUCT or DESCRIBE may build (its answer is built in memory before it is
     *                      written); more answers 400
     */
    public record Limits(
            long maxQuerySize,
            int maxQueries,
            int queueLength,
            int resultBuffer,
            boolean allowLoad,
            long maxResultTriples) {
        public static final long DEFAULT_MAX_QUERY_SIZE = 1_000_000, DEFAULT_MAX_RESULT_TRIPLES = 200_000;
        public static final int DEFAULT_MAX_QUERIES = 4, DEFAULT_QUEUE = 16, DEFAULT_RESULT_BUFFER = 4 * 1024 * 1024;

        public Limits {
            if (maxQuerySize < 1) throw new IllegalArgumentException("--max-query-size must be at least 1 byte");
            if (maxQueries < 1) throw new IllegalArgumentException("--max-queries must be at least 1");
            if (queueLength < 0) throw new IllegalArgumentException("--query-queue must be 0 or more");
            if (resultBuffer < 0) throw new IllegalArgumentException("--result-buffer must be 0 or more");
            if (maxResultTriples < 1) throw new IllegalArgumentException("--max-result-triples must be at least 1");
        }

        public static Limits defaults() {
            return new Limits(
                    DEFAULT_MAX_QUERY_SIZE,
                    DEFAULT_MAX_QUERIES,
                    DEFAULT_QUEUE,
                    DEFAULT_RESULT_BUFFER,
                    false,
                    DEFAULT_MAX_RESULT_TRIPLES);
        }
    }

    public ServerOptions {
        allowService = List.copyOf(allowService);
        if (queryPolicy == null) queryPolicy = QueryPolicy.defaults();
        if (watch && source.path() == null)
            throw new IllegalArgumentException(
                    "--watch needs a source file (--source FILE.md): the bundled copy never changes");
    }

    public static ServerOptions defaults(SurveyGraph.Source source) {
        return new ServerOptions(
                source,
                DEFAULT_HOST,
                DEFAULT_PORT,
                DEFAULT_TIMEOUT,
                null,
                false,
                List.of(),
                null,
                Duration.ofSeconds(1),
                Limits.defaults(),
                QueryPolicy.defaults());
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(
                source,
                host,
                p,
                timeout,
                tdb2,
                watch,
                allowService,
                updatePasswordFile,
                watchInterval,
                limits,
                queryPolicy);
    }

    public ServerOptions withTimeout(Duration t) {
        return new ServerOptions(
                source,
                host,
                port,
                t,
                tdb2,
                watch,
                allowService,
                updatePasswordFile,
                watchInterval,
                limits,
                queryPolicy);
    }

    public ServerOptions withTdb2(Path d) {
        return new ServerOptions(
                source,
                host,
                port,
                timeout,
                d,
                watch,
                allowService,
                updatePasswordFile,
                watchInterval,
                limits,
                queryPolicy);
    }

    public ServerOptions withWatch(Duration interval) {
        return new ServerOptions(
                source,
                host,
                port,
                timeout,
                tdb2,
                true,
                allowService,
                updatePasswordFile,
                interval,
                limits,
                queryPolicy);
    }

    public ServerOptions withAllowService(List<String> a) {
        return new ServerOptions(
                source, host, port, timeout, tdb2, watch, a, updatePasswordFile, watchInterval, limits, queryPolicy);
    }

    public ServerOptions withLimits(Limits l) {
        return new ServerOptions(
                source,
                host,
                port,
                timeout,
                tdb2,
                watch,
                allowService,
                updatePasswordFile,
                watchInterval,
                l,
                queryPolicy);
    }

    public ServerOptions withQueryPolicy(QueryPolicy q) {
        return new ServerOptions(
                source, host, port, timeout, tdb2, watch, allowService, updatePasswordFile, watchInterval, limits, q);
    }

    public ServerOptions withUpdatePasswordFile(Path f) {
        return new ServerOptions(
                source, host, port, timeout, tdb2, watch, allowService, f, watchInterval, limits, queryPolicy);
    }
}
