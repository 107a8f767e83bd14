package org.w3id.vlmsurvey.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.query.QueryGuards;
import org.w3id.vlmsurvey.query.ServicePolicy;
import org.w3id.vlmsurvey.server.guard.AddressConnectionLimit;
import org.w3id.vlmsurvey.server.guard.AdmissionFilter;
import org.w3id.vlmsurvey.server.guard.DefaultGraphFilter;
import org.w3id.vlmsurvey.server.guard.ErrorLengthFilter;
import org.w3id.vlmsurvey.server.guard.GuardedQueryService;
import org.w3id.vlmsurvey.server.guard.HardeningFilter;
import org.w3id.vlmsurvey.server.guard.NotFoundPageHandler;
import org.w3id.vlmsurvey.server.guard.OversizeErrorHandler;
import org.w3id.vlmsurvey.server.guard.PageErrorFilter;
import org.w3id.vlmsurvey.server.guard.PasswordFile;
import org.w3id.vlmsurvey.server.guard.QuerySizeFilter;
import org.w3id.vlmsurvey.server.guard.ResultBufferFilter;
import org.w3id.vlmsurvey.server.guard.StoreAccessFilter;
import org.w3id.vlmsurvey.server.guard.UpdateGuardFilter;
import org.w3id.vlmsurvey.server.guard.WholeBodyHandler;
import org.w3id.vlmsurvey.server.store.SourceWatcher;
import org.w3id.vlmsurvey.server.store.SurveyLoader;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.web.BrowseServlet;
import org.w3id.vlmsurvey.server.web.ChangesServlet;
import org.w3id.vlmsurvey.server.web.ChartsServlet;
import org.w3id.vlmsurvey.server.web.Endpoints;
import org.w3id.vlmsurvey.server.web.LinkedDataServlet;
import org.w3id.vlmsurvey.server.web.OntologyServlet;
import org.w3id.vlmsurvey.server.web.PageParameters;
import org.w3id.vlmsurvey.server.web.SearchServlet;
import org.w3id.vlmsurvey.server.web.SurveyCitation;
import org.w3id.vlmsurvey.server.web.VoidServlet;
import org.w3id.vlmsurvey.server.web.WebPageServlet;

/**
 * The survey on embedded Apache Jena Fuseki (without its admin module): the dataset {@value #DATASET} with
 * read-only SPARQL query and Graph Store endpoints, the query page, Linked Data pages, the ontology and VoID.
 */
public final class SurveyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyServer.class);
    public static final String DATASET = Endpoints.DATASET;

    /** The source could not be loaded and there is no previous graph to serve. */
    public static final class LoadException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<Problem> problems;

        LoadException(List<Problem> problems) {
            super("the survey source has errors");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final ServerOptions options;
    private final SurveyStore store;
    private final FusekiServer fuseki;
    private final SourceWatcher watcher;
    private final boolean rebuilt;

    private SurveyServer(
            ServerOptions options, SurveyStore store, FusekiServer fuseki, SourceWatcher watcher, boolean rebuilt) {
        this.options = options;
        this.store = store;
        this.fuseki = fuseki;
        this.watcher = watcher;
        this.rebuilt = rebuilt;
    }

    /** Loads the survey (on every processor) and starts the server; {@link LoadException} if the source has errors. */
    public static SurveyServer start(ServerOptions options) {
        return start(options, null, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #start(ServerOptions)}, serving also a history (named graphs per version), or none when null, and
     * mapping the survey on {@code threads} threads ({@code serve --threads}).
     */
    public static SurveyServer start(
            ServerOptions options, org.apache.jena.sparql.core.DatasetGraph history, int threads) {
        // a bad password file is reported before the survey is loaded
        PasswordFile passwords =
                options.updatePasswordFile() == null ? null : PasswordFile.read(options.updatePasswordFile());
        SurveyStore store = options.tdb2() != null ? SurveyStore.tdb2(options.tdb2()) : SurveyStore.inMemory();
        store.history(history);
        try {
            SurveyLoader loader = new SurveyLoader(
                            store,
                            options.source(),
                            options.tdb2() != null,
                            threads,
                            // --watch: the links and metadata files beside the survey as they are at each load
                            options.watch()
                                    ? s -> s.besideNow().read()
                                    : org.w3id.vlmsurvey.graph.SurveyGraph.Source::read,
                            org.w3id.vlmsurvey.server.store.BuiltGraphs.of(options.cache()))
                    .withMoreSources(options.moreSources());
            // with a history, the survey served is its newest version; the source is not read
            org.w3id.vlmsurvey.server.store.SurveyVersions versions =
                    store.served().versions();
            SurveyLoader.Outcome outcome;
            if (versions != null) {
                store.replace(versions.newest(), null);
                outcome = new SurveyLoader.Outcome(
                        true,
                        true,
                        List.of(),
                        org.apache.jena.graph.Graph.emptyGraph,
                        org.w3id.vlmsurvey.server.store.BuiltGraphs.Origin.HISTORY);
            } else outcome = loader.load();
            if (!outcome.loaded()) throw new LoadException(outcome.problems());
            for (Problem p : outcome.problems()) LOG.debug("{}", p);
            java.util.concurrent.atomic.AtomicReference<String> self =
                    new java.util.concurrent.atomic.AtomicReference<>();
            FusekiServer fuseki =
                    fuseki(options, store, passwords, () -> options.baseUrl() != null ? options.baseUrl() : self.get());
            guardConnections(fuseki, options);
            fuseki.start();
            self.set(url(options.host(), fuseki.getHttpPort()));
            SourceWatcher watcher = options.watch() && versions == null
                    ? new SourceWatcher(options.source().watched(), loader, options.watchInterval())
                    : null;
            SurveyServer server = new SurveyServer(options, store, fuseki, watcher, outcome.rebuilt());
            SurveyStore.Counts n = store.counts();
            LOG.info(
                    "Serving {} at {} (SPARQL {}{}/sparql): {}, {} papers, {} datasets{}{}",
                    versions != null
                            ? servedHistory(versions)
                            : options.source().path() == null
                                    ? "the bundled survey"
                                    : options.source().name(),
                    server.url(),
                    server.url(),
                    DATASET,
                    store.tripleCounts(outcome.links()),
                    n.papers(),
                    n.datasets(),
                    options.tdb2() == null
                            ? ""
                            : ", TDB2 " + options.tdb2() + (outcome.rebuilt() ? " (rebuilt)" : " (reused)"),
                    watcher != null ? ", watching the source" : "");
            return server;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * What the start-up line says is served of a history: the newest of its versions, with their count; of several
     * surveys' histories, each survey's count (the first survey's newest version is the one {@code ?version=} names).
     */
    static String servedHistory(org.w3id.vlmsurvey.server.store.SurveyVersions versions) {
        String newest = versions.latest().day() + " " + versions.latest().shortId();
        Map<String, Integer> each = versions.perSurvey();
        if (each.size() <= 1) return "the newest of " + versions.all().size() + " versions (" + newest + ")";
        List<String> counts = new java.util.ArrayList<>();
        each.forEach((survey, n) -> counts.add(n + " of " + PageParameters.surveyKey(survey)));
        return "the newest version of each of " + each.size() + " surveys, merged ("
                + each.values().stream().mapToInt(Integer::intValue).sum() + " versions: " + String.join(", ", counts)
                + "; the first survey's newest " + newest + ")";
    }

    /**
     * Jetty's part of holding slow clients apart: the bound host and response buffer on each connector, the
     * per-address connection limit (and its gate: no request of a refused connection is run), bodies read whole and
     * asynchronously before any servlet ({@link WholeBodyHandler}, which also adds the security headers), and 413
     * for a request line too large.
     */
    private static void guardConnections(FusekiServer fuseki, ServerOptions options) {
        Server jetty = fuseki.getJettyServer();
        int requestBuffer = 0;
        AddressConnectionLimit perAddress = null;
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof ServerConnector sc) sc.setHost(options.host());
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                http.getHttpConfiguration().setUriCompliance(URI_COMPLIANCE);
                requestBuffer =
                        Math.max(requestBuffer, http.getHttpConfiguration().getRequestHeaderSize());
            }
            if (options.maxConnectionsPerAddress() > 0 && c instanceof AbstractConnector ac) {
                if (perAddress == null)
                    perAddress = new AddressConnectionLimit(options.maxConnectionsPerAddress(), ac.getScheduler());
                ac.addEventListener(perAddress);
            }
        }
        ServerOptions.Limits limits = options.limits();
        Handler whole = new WholeBodyHandler(
                jetty.getHandler(),
                limits.maxQuerySize(),
                options.bodyTimeout(),
                options.bodyIdleTimeout(),
                Math.max(BODY_BUDGET, 2 * limits.maxQuerySize()));
        // outermost: a request on a connection refused by the per-address limit is never run, nor its body read
        jetty.setHandler(perAddress == null ? whole : perAddress.gate(whole));
        jetty.setErrorHandler(new OversizeErrorHandler(jetty.getErrorHandler(), requestBuffer));
    }

    /**
     * Jetty's URI rules, but for an encoded "/" ({@code %2F}) in a path: the IRI of a paper known by its DOI holds
     * one ({@code /resource/paper/doi-10.1109%2Ftpami.2024.3369699}), which Jetty's default refuses with 400. The
     * servlets read the path as sent ({@code getRequestURI}), so the "/" stays part of the IRI; {@code ..} segments,
     * encoded or not, are still refused.
     */
    static final org.eclipse.jetty.http.UriCompliance URI_COMPLIANCE =
            org.eclipse.jetty.http.UriCompliance.DEFAULT.with(
                    "encoded / in an IRI (a DOI)",
                    org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    /** Bytes of request bodies held at once (being received or waiting for their answer); more answer 503. */
    static final long BODY_BUDGET = 64L * 1024 * 1024;

    private static FusekiServer fuseki(
            ServerOptions options, SurveyStore store, PasswordFile passwords, Supplier<String> base) {
        ServerOptions.Limits limits = options.limits();
        Context cxt = store.dataset().getContext();
        cxt.set(ARQ.queryTimeout, Long.toString(options.timeout().toMillis()));
        ServicePolicy services = new ServicePolicy(options.allowService());
        services.install(cxt);
        QueryGuards.install(cxt);
        options.queryPolicy().install(cxt);

        DataService.Builder ds = DataService.newBuilder(store.dataset())
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Operation.GSP_R);
        FusekiServer.Builder b = FusekiServer.create()
                .registerOperation(
                        Operation.Query,
                        new GuardedQueryService(services, options.queryPolicy(), limits.maxResultTriples()))
                .fusekiModules(FusekiModules.empty())
                .port(options.port())
                .loopback(isLoopback(options.host()))
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCompact(false)
                .enableCors(true, corsConfig())
                // queries that run or wait, plus threads that are never theirs: ping, pages, static files
                .numServerThreads(8, limits.maxQueries() + limits.queueLength() + OTHER_THREADS);
        // The update endpoint is guarded by UpdateGuardFilter (its own password file format, Origin and content
        // type checks, no LOAD, a failed-login limit), not by Jetty's realm.
        if (passwords != null) ds.addEndpoint(Operation.Update, "update");
        b.add(DATASET, ds);
        b.addFilter("/*", new HardeningFilter());
        // the footer's "Cite this survey" of this server's README, on every page it renders
        SurveyCitation citation = new SurveyCitation(options.source().path());
        b.addFilter("/*", citation.filter());
        if (options.tdb2() != null) b.addFilter("/*", new StoreAccessFilter(store.readAccess()));
        b.addFilter(DATASET + "/*", new QuerySizeFilter(limits.maxQuerySize()));
        if (passwords != null)
            b.addFilter(
                    DATASET + "/update",
                    new UpdateGuardFilter(passwords, limits.allowLoad(), services, limits.maxQuerySize()));
        // one admission control for every query the server runs: the endpoint's and the pages'
        AdmissionFilter admission = new AdmissionFilter(limits.maxQueries(), limits.queueLength(), options.timeout());
        b.addFilter(DATASET + "/*", admission);
        PageErrorFilter pageErrors = new PageErrorFilter();
        for (String path : queryPages()) {
            b.addFilter(path, pageErrors);
            b.addFilter(path, admission);
        }
        b.addFilter(DATASET + "/*", new ResultBufferFilter(limits.resultBuffer()));
        b.addFilter(DATASET + "/data", new DefaultGraphFilter());
        b.addFilter(DATASET + "/*", new ErrorLengthFilter());
        b.addServlet("/resource/*", new LinkedDataServlet(store));
        b.addServlet("/ontology", new OntologyServlet());
        b.addServlet("/.well-known/void", new VoidServlet(store, base));
        BrowseServlet browse = new BrowseServlet(store);
        for (String path : BrowseServlet.paths()) b.addServlet(path, browse);
        SearchServlet search = new SearchServlet(store);
        for (String path : SearchServlet.paths()) b.addServlet(path, search);
        b.addServlet("/charts", new ChartsServlet(store));
        ChangesServlet changes = new ChangesServlet(store);
        for (String path : ChangesServlet.paths()) b.addServlet(path, changes);
        WebPageServlet page = new WebPageServlet(store);
        for (String path : WebPageServlet.paths()) b.addServlet(path, page);
        FusekiServer server = b.build();
        // Jetty's own form limit (200 kB) would refuse a form query below our limit with a 400
        ServletContextHandler context = server.getJettyServer().getDescendant(ServletContextHandler.class);
        if (context != null) {
            context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, limits.maxQuerySize() + 1024));
            // the servlet layer refuses an encoded "/" unless told (see URI_COMPLIANCE)
            context.getServletHandler().setDecodeAmbiguousURIs(true);
            // a path no servlet answers: the site's 404 page for a browser
            context.setErrorHandler(new NotFoundPageHandler(context.getErrorHandler(), citation));
        }
        return server;
    }

    /**
     * The pages that run queries or take a version: browse pages, search, charts, versions and changes, Linked Data,
     * the VoID description (its counts).
     */
    static List<String> queryPages() {
        List<String> paths = new java.util.ArrayList<>(BrowseServlet.paths());
        paths.addAll(SearchServlet.paths());
        paths.add("/charts");
        paths.addAll(ChangesServlet.paths());
        paths.add("/resource/*");
        paths.add("/.well-known/void");
        paths.add(""); // the home page (Endpoints.HOME): its counts and newest papers
        paths.add("/index.html");
        return paths;
    }

    /**
     * Jetty's response buffer. Fuseki sets 5 MB, which Jetty's buffer pool does not keep: every response, a 503
     * refusal or a ping too, then allocated and zeroed 5 MB of direct memory, and the direct-memory limit forced full
     * collections; 300 requests at once kept the health check waiting for seconds. Results are held back by {@link
     * ResultBufferFilter} (on the heap, bounded), so Jetty's buffer only needs its own default size.
     */
    static final int OUTPUT_BUFFER = 32 * 1024;

    /** Threads kept for everything but SPARQL: the health check, pages, static files, Linked Data. */
    static final int OTHER_THREADS = 32;

    /**
     * Fuseki's CORS filter with credentials off: any origin may query, no origin may send cookies or HTTP
     * authentication (Fuseki's default allows credentials for every origin). Written once to a temporary file,
     * the form Fuseki reads it in.
     */
    private static synchronized String corsConfig() {
        if (corsFile != null) return corsFile;
        try {
            Path f = Files.createTempFile("vlm-survey-cors", ".properties");
            f.toFile().deleteOnExit();
            Files.writeString(
                    f,
                    String.join(
                            "\n",
                            "allowedOrigins=*",
                            "allowedMethods=GET,POST,HEAD,OPTIONS",
                            "allowedHeaders=X-Requested-With, Content-Type, Accept, Origin",
                            "exposedHeaders=Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma",
                            "allowCredentials=false",
                            "chainPreflight=false",
                            ""));
            corsFile = f.toString();
            return corsFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String corsFile;

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    public String url() {
        return url(options.host(), port());
    }

    static String url(String host, int port) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0")) h = "localhost";
        return "http://" + h + ":" + port;
    }

    /** Whether start-up rebuilt the graph (false when a TDB2 store already held the build of the same source). */
    public boolean rebuilt() {
        return rebuilt;
    }

    public SurveyStore store() {
        return store;
    }

    /** The number of reloads attempted by {@code --watch} so far (0 without it). */
    public long reloadAttempts() {
        return watcher == null ? 0 : watcher.attempts();
    }

    SourceWatcher watcher() {
        return watcher;
    }

    private volatile org.w3id.vlmsurvey.server.store.HistoryRefresh refresh;

    /**
     * Follows the history's repository with {@code r} ({@code serve --history-git ... --refresh}) until the server
     * stops; its outcome is shown on the versions page.
     */
    public void follow(org.w3id.vlmsurvey.server.store.HistoryRefresh r) {
        this.refresh = r;
        store.refreshStatus(r::status);
    }

    /** The refresh following the history's repository, or null. */
    public org.w3id.vlmsurvey.server.store.HistoryRefresh refresh() {
        return refresh;
    }

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        if (refresh != null) refresh.close();
        fuseki.stop();
        store.close();
    }
}
