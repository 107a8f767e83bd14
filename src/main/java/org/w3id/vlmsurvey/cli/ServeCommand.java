package org.w3id.vlmsurvey.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.history.GitMirror;
import org.w3id.vlmsurvey.query.QueryPolicy;
import org.w3id.vlmsurvey.query.TextSearchLimits;
import org.w3id.vlmsurvey.server.ServerOptions;
import org.w3id.vlmsurvey.server.SurveyServer;
import org.w3id.vlmsurvey.server.store.HistoryRefresh;
import org.w3id.vlmsurvey.server.store.HistoryRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the survey over HTTP: SPARQL endpoint, query page, Linked Data pages (embedded Apache Jena Fuseki).",
            "Safe by default: loopback only, query timeout, no federated SERVICE, no update endpoint."
        })
final class ServeCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Option(
            names = "--port",
            defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = ServerOptions.DEFAULT_HOST,
            description = "address to bind (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all interfaces)")
    String host;

    @Option(
            names = "--timeout",
            defaultValue = ServerOptions.DEFAULT_TIMEOUT_SECONDS + "s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description =
                    "query timeout: 10s, 500ms, 2m, or seconds (default: ${DEFAULT-VALUE}); a timed-out query answers 503")
    Duration timeout;

    @Option(
            names = "--tdb2",
            paramLabel = "DIR",
            description =
                    "keep the graph in a TDB2 database in DIR, rebuilt only when the source or the program changed")
    Path tdb2;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "keep built graphs here, reused while the source and the program are the same (default:"
                    + " $XDG_CACHE_HOME/vlm-survey-kg, else ~/.cache/vlm-survey-kg)")
    Path cache;

    @Option(names = "--no-cache", description = "neither read nor write the graph cache")
    boolean noCache;

    @Option(
            names = "--watch",
            description = "reload when the source file, or the links.ttl or metadata.ttl beside it, changes (a broken"
                    + " edit keeps the last good graph)")
    boolean watch;

    @Option(
            names = "--allow-service",
            arity = "1..*",
            paramLabel = "HOST",
            description =
                    "allow federated SERVICE to these hosts (host, host:port, or endpoint URL prefix); default: none")
    List<String> allowService = new ArrayList<>();

    @Option(
            names = "--update-password-file",
            paramLabel = "FILE",
            description =
                    "enable /survey/update behind HTTP basic auth for the users of FILE (lines made by: vlm-survey-kg passwd USER)")
    Path updatePasswordFile;

    @Option(names = "--allow-load", description = "let SPARQL Update LOAD files and URLs (off: LOAD answers 403)")
    boolean allowLoad;

    @Option(
            names = "--max-query-size",
            paramLabel = "BYTES",
            defaultValue = "" + ServerOptions.Limits.DEFAULT_MAX_QUERY_SIZE,
            description =
                    "largest query (query string or body) in bytes; larger answers 413 (default: ${DEFAULT-VALUE})")
    long maxQuerySize;

    @Option(
            names = "--max-queries",
            paramLabel = "N",
            defaultValue = "" + ServerOptions.Limits.DEFAULT_MAX_QUERIES,
            description = "queries running at once (default: ${DEFAULT-VALUE})")
    int maxQueries;

    @Option(
            names = "--query-queue",
            paramLabel = "N",
            defaultValue = "" + ServerOptions.Limits.DEFAULT_QUEUE,
            description =
                    "queries waiting for a free slot, each at most the timeout; more answer 503 with Retry-After (default: ${DEFAULT-VALUE})")
    int queryQueue;

    @Option(
            names = "--result-buffer",
            paramLabel = "BYTES",
            defaultValue = "" + ServerOptions.Limits.DEFAULT_RESULT_BUFFER,
            description = "a result up to this size is sent only once complete (a failure still gets its status); "
                    + "a larger one is streamed and its connection aborted on failure (default: ${DEFAULT-VALUE})")
    int resultBuffer;

    @Option(
            names = "--max-result-triples",
            paramLabel = "N",
            defaultValue = "" + ServerOptions.Limits.DEFAULT_MAX_RESULT_TRIPLES,
            description = "triples a CONSTRUCT or DESCRIBE may build (built in memory before it is sent); "
                    + "more answers 400 (default: ${DEFAULT-VALUE})")
    long maxResultTriples;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "the public address of the server (https://example.org behind a proxy), used in the IRIs "
                    + "it writes about itself (VoID); default: its own address, never the Host header of a request")
    String baseUrl;

    @Option(
            names = "--body-timeout",
            paramLabel = "DURATION",
            defaultValue = ServerOptions.DEFAULT_BODY_TIMEOUT_SECONDS + "s",
            converter = DurationConverter.class,
            description = "a request body must arrive whole within this time, or the request answers 408; it is read "
                    + "before a query slot is taken, without holding a thread (default: ${DEFAULT-VALUE})")
    Duration bodyTimeout;

    @Option(
            names = "--body-idle-timeout",
            paramLabel = "DURATION",
            defaultValue = ServerOptions.DEFAULT_BODY_IDLE_TIMEOUT_SECONDS + "s",
            converter = DurationConverter.class,
            description = "a request body that sends nothing for this long answers 408 (default: ${DEFAULT-VALUE})")
    Duration bodyIdleTimeout;

    @Option(
            names = "--max-connections-per-address",
            paramLabel = "N",
            defaultValue = "" + ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
            description = "open connections from one client address; more are answered 503 and closed; 0 for no "
                    + "limit (behind a proxy all clients share its address) (default: ${DEFAULT-VALUE})")
    int maxConnectionsPerAddress;

    @Option(
            names = "--arq-syntax",
            description = "accept ARQ's extensions of SPARQL 1.1 (off: the endpoint and pages speak SPARQL 1.1; "
                    + "counted property paths {n,m} and ARQ's property functions stay refused either way)")
    boolean arqSyntax;

    @Option(
            names = "--max-query-rows",
            paramLabel = "N",
            defaultValue = "" + QueryPolicy.DEFAULT_MAX_ROWS,
            description = "rows one query may feed into the operators that hold them in memory (GROUP BY, ORDER BY, "
                    + "DISTINCT, joins, OPTIONAL, MINUS); more answers 400 (default: ${DEFAULT-VALUE})")
    long maxQueryRows;

    @Option(
            names = "--text-max-clauses",
            paramLabel = "N",
            defaultValue = "" + TextSearchLimits.DEFAULT_MAX_CLAUSES,
            description =
                    "clauses (words, wildcards...) of one text:query search text; more answers 400 (default: ${DEFAULT-VALUE})")
    int textMaxClauses;

    @Option(
            names = "--text-leading-wildcards",
            description =
                    "allow text:query search texts starting with a wildcard (*ing: a scan of every indexed word; off)")
    boolean textLeadingWildcards;

    @Option(names = "--text-regex", description = "allow regular expressions (/.../) in text:query search texts (off)")
    boolean textRegex;

    @Option(
            names = "--history-git",
            paramLabel = "DIR|URL",
            description = "also serve the survey's history read from this git repository: each version a named graph"
                    + " (see history); the newest version is the survey served. A URL (" + GitMirror.SCHEMES
                    + ") is cloned into the cache folder and fetched again every --refresh. Repeat it for several"
                    + " surveys, one repository each: the newest version of each, merged, is served (read once at"
                    + " start-up: --refresh follows one repository only)")
    List<String> historyGit;

    @Option(
            names = "--refresh",
            paramLabel = "DURATION",
            defaultValue = DEFAULT_REFRESH,
            converter = DurationConverter.OrZero.class,
            description = "with one --history-git: look for new commits this often (fetching a URL), and serve the new"
                    + " versions without a restart; 30s, 10m, 1h or PT1H; 0 never (default: ${DEFAULT-VALUE}; several"
                    + " --history-git are not followed)")
    Duration refresh;

    /** How often {@code --history-git} looks for new commits by default. */
    static final String DEFAULT_REFRESH = "1h";

    @Option(
            names = "--history-file",
            paramLabel = "PATH",
            defaultValue = org.w3id.vlmsurvey.history.GitSnapshots.DEFAULT_FILE,
            description = "with --history-git: the survey file inside the repository (default: ${DEFAULT-VALUE}); give "
                    + "it once (for every repository) or once per --history-git, in the same order")
    List<String> historyFile;

    @Mixin
    HistoryLimitsOptions historyLimits = new HistoryLimitsOptions();

    @Option(
            names = "--history",
            paramLabel = "FILE.trig",
            description = "also serve a history written by the history command")
    Path history;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (watch && source.source == null && !java.nio.file.Files.isRegularFile(Path.of("data/vlm-survey.md")))
            throw Failure.usage("serve: --watch needs a source file (--source FILE.md)");
        if (historyGit != null && history != null)
            throw Failure.usage("serve: give --history-git or --history, not both");
        if (historyGit == null && spec.commandLine().getParseResult().hasMatchedOption("--refresh"))
            throw Failure.usage("serve: --refresh needs --history-git DIR|URL");
        if (historyGit != null
                && historyGit.size() > 1
                && spec.commandLine().getParseResult().hasMatchedOption("--refresh")
                && !refresh.isZero())
            throw Failure.usage("serve: --refresh follows one --history-git; several are read once, at start-up"
                    + " (leave --refresh out or give --refresh 0)");
        org.apache.jena.sparql.core.DatasetGraph versions = null;
        if (history != null) versions = org.w3id.vlmsurvey.history.History.read(history);
        Path cacheDir = noCache ? null : cache != null ? cache : org.w3id.vlmsurvey.cache.GraphCache.defaultDir();
        List<String> historyFiles = historyGit == null
                ? null
                : HistoryCommand.files(historyGit, historyFile, "--history-git", "--history-file");
        List<HistoryRepository> repos = new ArrayList<>();
        SurveyServer server;
        try {
            if (historyGit != null) {
                for (String location : historyGit) repos.add(HistoryRepository.open(location, cacheDir));
                versions = cachedHistory(
                        cacheDir, repos.stream().map(HistoryRepository::dir).toList(), historyFiles);
            }
            server = start(cacheDir, versions, historyFiles);
            // several repositories are read once, at start-up (--refresh with several is refused above)
            if (repos.size() == 1 && !refresh.isZero()) {
                HistoryRepository r = repos.get(0);
                server.follow(new HistoryRefresh(
                                r,
                                historyFiles.get(0),
                                dir -> cachedHistory(cacheDir, List.of(dir), historyFiles),
                                server.store())
                        .every(refresh));
            }
        } catch (RuntimeException e) {
            repos.forEach(HistoryRepository::close);
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            repos.forEach(HistoryRepository::close);
                        },
                        "vlm-survey-shutdown"));
        server.join();
        return Main.OK;
    }

    private org.apache.jena.sparql.core.DatasetGraph cachedHistory(Path cacheDir, List<Path> dirs, List<String> files) {
        return HistoryCommand.cached(
                cacheDir,
                dirs,
                files,
                historyLimits.limits(),
                spec.commandLine().getErr());
    }

    private SurveyServer start(
            Path cacheDir, org.apache.jena.sparql.core.DatasetGraph versions, List<String> historyFiles) {
        if (versions != null && org.w3id.vlmsurvey.server.store.SurveyVersions.of(versions) == null)
            throw new org.w3id.vlmsurvey.diagnostics.SourceException(
                    org.w3id.vlmsurvey.diagnostics.Problem.error(
                            historyGit != null ? GitMirror.shown(historyGit.get(0)) : history.toString(),
                            0,
                            "no version of the survey to serve: "
                                    + (historyGit != null
                                            ? "no commit on the first-parent line of HEAD has a " + historyFiles.get(0)
                                                    + " that could be built"
                                            : "the file describes no vlm:SurveyVersion (is it written by the history command?)")));
        List<org.w3id.vlmsurvey.graph.SurveyGraph.Source> sources = source.resolveAll();
        ServerOptions options = ServerOptions.builder(sources.get(0))
                .moreSources(sources.subList(1, sources.size()))
                .host(host)
                .port(port)
                .timeout(timeout)
                .tdb2(tdb2)
                .cache(cacheDir)
                .watch(watch)
                .allowService(allowService)
                .updatePasswordFile(updatePasswordFile)
                .maxQuerySize(maxQuerySize)
                .maxQueries(maxQueries)
                .queueLength(queryQueue)
                .resultBuffer(resultBuffer)
                .allowLoad(allowLoad)
                .maxResultTriples(maxResultTriples)
                .baseUrl(baseUrl)
                .bodyTimeout(bodyTimeout)
                .bodyIdleTimeout(bodyIdleTimeout)
                .maxConnectionsPerAddress(maxConnectionsPerAddress)
                .queryPolicy(new QueryPolicy(
                        arqSyntax, new TextSearchLimits(textMaxClauses, textLeadingWildcards, textRegex), maxQueryRows))
                .build();
        return SurveyServer.start(options, versions, source.threads);
    }
}
