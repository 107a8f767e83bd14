package org.w3id.vlmsurvey.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.query.QueryPolicy;

/**
 * How to run the server, made by a {@link Builder} that starts from the defaults. The defaults are the safe ones:
 * loopback only, a 10 s query timeout, no federated query, no update endpoint. Each default is written once here,
 * as a constant that {@code serve --help} shows (picocli's {@code defaultValue} is made of these constants); a new
 * option is a field, a constant, a builder method and an accessor.
 */
public final class ServerOptions {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    public static final int DEFAULT_WATCH_INTERVAL_MILLIS = 1000;
    /** A request body must be complete within this time (total), or the request answers 408. */
    public static final int DEFAULT_BODY_TIMEOUT_SECONDS = 20;
    /** A request body that sends nothing for this long answers 408. */
    public static final int DEFAULT_BODY_IDLE_TIMEOUT_SECONDS = 5;
    /** Open connections from one client address; more are answered 503 and closed. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32;

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

    private final Builder b;

    private ServerOptions(Builder b) {
        this.b = b;
    }

    /** The defaults for serving {@code source}; change what differs, then {@link Builder#build()}. */
    public static Builder builder(SurveyGraph.Source source) {
        return new Builder(source);
    }

    /** The options with every default. */
    public static ServerOptions defaults(SurveyGraph.Source source) {
        return builder(source).build();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        return b.copy();
    }

    public SurveyGraph.Source source() {
        return b.source;
    }

    /** The surveys served with the first ({@code serve --source A.md --source B.md}): none by default. */
    public List<SurveyGraph.Source> moreSources() {
        return b.moreSources;
    }

    public String host() {
        return b.host;
    }

    public int port() {
        return b.port;
    }

    public Duration timeout() {
        return b.timeout;
    }

    /** The TDB2 folder, or null to keep the graph in memory. */
    public Path tdb2() {
        return b.tdb2;
    }

    public boolean watch() {
        return b.watch;
    }

    /** The folder of the graph cache ({@code serve --cache}), or null for none (the default here). */
    public Path cache() {
        return b.cache;
    }

    /** How often {@code --watch} looks at the source file. */
    public Duration watchInterval() {
        return b.watchInterval;
    }

    public List<String> allowService() {
        return b.allowService;
    }

    /** The password file of the update endpoint, or null when there is none. */
    public Path updatePasswordFile() {
        return b.updatePasswordFile;
    }

    public Limits limits() {
        return new Limits(b.maxQuerySize, b.maxQueries, b.queueLength, b.resultBuffer, b.allowLoad, b.maxResultTriples);
    }

    /**
     * The public address of the server ({@code https://example.org}, no trailing slash), used for the IRIs it
     * writes about itself (VoID); null means its own address ({@link SurveyServer#url()}), never the Host header.
     */
    public String baseUrl() {
        return b.baseUrl;
    }

    public Duration bodyTimeout() {
        return b.bodyTimeout;
    }

    public Duration bodyIdleTimeout() {
        return b.bodyIdleTimeout;
    }

    /** Open connections per client address; 0 for no limit. */
    public int maxConnectionsPerAddress() {
        return b.maxConnectionsPerAddress;
    }

    /**
     * What every query the server runs may ask for (syntax, property functions, text search, rows held in memory):
     * {@link QueryPolicy}.
     */
    public QueryPolicy queryPolicy() {
        return b.queryPolicy;
    }

    /** Builds {@link ServerOptions}: every field starts at its default. */
    public static final class Builder {
        private final SurveyGraph.Source source;
        private List<SurveyGraph.Source> moreSources = List.of();
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Path tdb2;
        private Path cache;
        private boolean watch;
        private Duration watchInterval = Duration.ofMillis(DEFAULT_WATCH_INTERVAL_MILLIS);
        private List<String> allowService = List.of();
        private Path updatePasswordFile;
        private long maxQuerySize = Limits.DEFAULT_MAX_QUERY_SIZE;
        private int maxQueries = Limits.DEFAULT_MAX_QUERIES;
        private int queueLength = Limits.DEFAULT_QUEUE;
        private int resultBuffer = Limits.DEFAULT_RESULT_BUFFER;
        private boolean allowLoad;
        private long maxResultTriples = Limits.DEFAULT_MAX_RESULT_TRIPLES;
        private String baseUrl;
        private Duration bodyTimeout = Duration.ofSeconds(DEFAULT_BODY_TIMEOUT_SECONDS);
        private Duration bodyIdleTimeout = Duration.ofSeconds(DEFAULT_BODY_IDLE_TIMEOUT_SECONDS);
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private QueryPolicy queryPolicy = QueryPolicy.defaults();

        private Builder(SurveyGraph.Source source) {
            this.source = source;
        }

        private Builder copy() {
            Builder c = new Builder(source);
            c.moreSources = moreSources;
            c.host = host;
            c.port = port;
            c.timeout = timeout;
            c.tdb2 = tdb2;
            c.cache = cache;
            c.watch = watch;
            c.watchInterval = watchInterval;
            c.allowService = allowService;
            c.updatePasswordFile = updatePasswordFile;
            c.maxQuerySize = maxQuerySize;
            c.maxQueries = maxQueries;
            c.queueLength = queueLength;
            c.resultBuffer = resultBuffer;
            c.allowLoad = allowLoad;
            c.maxResultTriples = maxResultTriples;
            c.baseUrl = baseUrl;
            c.bodyTimeout = bodyTimeout;
            c.bodyIdleTimeout = bodyIdleTimeout;
            c.maxConnectionsPerAddress = maxConnectionsPerAddress;
            c.queryPolicy = queryPolicy;
            return c;
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public Builder tdb2(Path v) {
            tdb2 = v;
            return this;
        }

        /** Keep built graphs in the cache folder {@code v} (null: no cache). */
        public Builder cache(Path v) {
            cache = v;
            return this;
        }

        /** Reload when the source changes, looking every {@code interval}. */
        public Builder watch(Duration interval) {
            watch = true;
            watchInterval = interval;
            return this;
        }

        public Builder watch(boolean v) {
            watch = v;
            return this;
        }

        public Builder allowService(List<String> v) {
            allowService = List.copyOf(v);
            return this;
        }

        public Builder updatePasswordFile(Path v) {
            updatePasswordFile = v;
            return this;
        }

        public Builder maxQuerySize(long v) {
            maxQuerySize = v;
            return this;
        }

        public Builder maxQueries(int v) {
            maxQueries = v;
            return this;
        }

        public Builder queueLength(int v) {
            queueLength = v;
            return this;
        }

        public Builder resultBuffer(int v) {
            resultBuffer = v;
            return this;
        }

        public Builder allowLoad(boolean v) {
            allowLoad = v;
            return this;
        }

        public Builder maxResultTriples(long v) {
            maxResultTriples = v;
            return this;
        }

        public Builder baseUrl(String v) {
            baseUrl = v;
            return this;
        }

        public Builder bodyTimeout(Duration v) {
            bodyTimeout = v;
            return this;
        }

        public Builder bodyIdleTimeout(Duration v) {
            bodyIdleTimeout = v;
            return this;
        }

        public Builder maxConnectionsPerAddress(int v) {
            maxConnectionsPerAddress = v;
            return this;
        }

        /** Further surveys, merged with the first into one graph. */
        public Builder moreSources(List<SurveyGraph.Source> v) {
            moreSources = List.copyOf(v);
            return this;
        }

        public Builder queryPolicy(QueryPolicy v) {
            queryPolicy = v == null ? QueryPolicy.defaults() : v;
            return this;
        }

        /** @throws IllegalArgumentException naming the option whose value cannot be used */
        public ServerOptions build() {
            limits(); // validates the limits
            if (watch && source.path() == null)
                throw new IllegalArgumentException(
                        "--watch needs a source file (--source FILE.md): the bundled copy never changes");
            if (watch && !moreSources.isEmpty())
                throw new IllegalArgumentException("--watch reads one --source: serve several surveys without it");
            if (bodyTimeout.isNegative() || bodyTimeout.isZero())
                throw new IllegalArgumentException("--body-timeout must be more than 0");
            if (bodyIdleTimeout.isNegative() || bodyIdleTimeout.isZero())
                throw new IllegalArgumentException("--body-idle-timeout must be more than 0");
            if (maxConnectionsPerAddress < 0)
                throw new IllegalArgumentException("--max-connections-per-address must be 0 (no limit) or more");
            if (baseUrl != null) baseUrl = checkBaseUrl(baseUrl);
            return new ServerOptions(copy());
        }

        private Limits limits() {
            return new Limits(maxQuerySize, maxQueries, queueLength, resultBuffer, allowLoad, maxResultTriples);
        }
    }

    /** An absolute http(s) URL without query or fragment, returned without its trailing slash. */
    static String checkBaseUrl(String url) {
        try {
            URI u = new URI(url.strip());
            String s = u.getScheme();
            if (s == null
                    || !(s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"))
                    || u.getHost() == null
                    || u.getRawQuery() != null
                    || u.getRawFragment() != null
                    || u.getRawUserInfo() != null) throw new URISyntaxException(url, "not an http(s) URL");
            String t = u.toString();
            return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--base-url " + url
                    + ": expected the public address, like https://example.org or https://example.org/kg");
        }
    }
}
