package org.w3id.vlmsurvey.server;

import org.w3id.vlmsurvey.server.store.SourceWatcher;
import org.w3id.vlmsurvey.server.store.SurveyLoader;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.web.LinkedDataServlet;
import org.w3id.vlmsurvey.server.web.OntologyServlet;
import org.w3id.vlmsurvey.server.web.VoidServlet;
import org.w3id.vlmsurvey.server.web.WebPageServlet;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.diagnostics.Problem;

/**
 * The survey on embedded Apache Jena Fuseki (without its admin module): the dataset {@value #DATASET} with
 * read-only SPARQL query and Graph Store endpoints, the query page, Linked Data pages, the ontology and VoID.
 */
public final class SurveyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyServer.class);
    public static final String DATASET = "/survey";

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

    private SurveyServer(ServerOptions options, SurveyStore store, FusekiServer fuseki, SourceWatcher watcher, boolean rebuilt) {
        this.options = options;
        this.store = store;
        this.fuseki = fuseki;
        this.watcher = watcher;
        this.rebuilt = rebuilt;
    }

    /** Loads the survey and starts the server; throws {@link LoadException} if the source has errors. */
    public static SurveyServer start(ServerOptions options) {
        return start(options, null);
    }

    /** As {@link #start(ServerOptions)}, serving also a history (named graphs per version), or none when null. */
    public static SurveyServer start(ServerOptions options, org.apache.jena.sparql.core.DatasetGraph history) {
        SurveyStore store = options.tdb2() != null ? SurveyStore.tdb2(options.tdb2()) : SurveyStore.inMemory();
        store.history(history);
        try {
            SurveyLoader loader = new SurveyLoader(store, options.source(), options.tdb2() != null);
            SurveyLoader.Outcome outcome = loader.load();
            if (!outcome.loaded()) throw new LoadException(outcome.problems());
            for (Problem p : outcome.problems()) LOG.debug("{}", p);
            FusekiServer fuseki = fuseki(options, store);
            for (Connector c : fuseki.getJettyServer().getConnectors())
                if (c instanceof ServerConnector sc) sc.setHost(options.host());
            fuseki.start();
            SourceWatcher watcher = options.watch()
                    ? new SourceWatcher(options.source().path(), loader, options.watchInterval()) : null;
            SurveyServer server = new SurveyServer(options, store, fuseki, watcher, outcome.rebuilt());
            SurveyStore.Counts n = store.counts();
            LOG.info("Serving {} at {} (SPARQL {}{}/sparql): {}, {} papers, {} datasets{}{}",
                    options.source().path() == null ? "the bundled survey" : options.source().name(), server.url(), server.url(), DATASET,
                    store.tripleCounts(options.source().links()), n.papers(), n.datasets(),
                    options.tdb2() == null ? "" : ", TDB2 " + options.tdb2() + (outcome.rebuilt() ? " (rebuilt)" : " (reused)"),
                    options.watch() ? ", watching the source" : "");
            return server;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static FusekiServer fuseki(ServerOptions options, SurveyStore store) {
        Context cxt = store.dataset().getContext();
        cxt.set(ARQ.queryTimeout, Long.toString(options.timeout().toMillis()));
        ServiceGuard guard = new ServiceGuard(options.allowService());
        guard.install(cxt);

        DataService.Builder ds = DataService.newBuilder(store.dataset())
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Operation.GSP_R);
        FusekiServer.Builder b = FusekiServer.create()
                .registerOperation(Operation.Query, new GuardedQueryService(guard))
                .fusekiModules(FusekiModules.empty())
                .port(options.port())
                .loopback(isLoopback(options.host()))
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCompact(false)
                .enableCors(true, null);
        if (options.updatePasswordFile() != null) {
            List<String> users = users(options.updatePasswordFile());
            ds.addEndpoint(Operation.Update, "update", Auth.policyAllowSpecific(users));
            b.passwordFile(options.updatePasswordFile().toString()).auth(AuthScheme.BASIC).realm("vlm-survey");
        }
        b.add(DATASET, ds);
        b.addFilter(DATASET + "/data", new DefaultGraphFilter());
        b.addFilter(DATASET + "/*", new ErrorLengthFilter());
        b.addServlet("/resource/*", new LinkedDataServlet(store));
        b.addServlet("/ontology", new OntologyServlet());
        b.addServlet("/.well-known/void", new VoidServlet(store));
        WebPageServlet page = new WebPageServlet();
        for (String path : new String[] { "", "/index.html", "/examples.json", "/static/*" })
            b.addServlet(path, page);
        return b.build();
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** The user names of a password file ({@code user: password} lines, as Jetty reads them). */
    static List<String> users(Path file) {
        List<String> users = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                int i = t.indexOf(':');
                if (i <= 0) throw new IllegalArgumentException(file + ": a line is not \"user: password\"");
                users.add(t.substring(0, i).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (users.isEmpty()) throw new IllegalArgumentException(file + ": no \"user: password\" line");
        return users;
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    public String url() {
        String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        if (h.equals("0.0.0.0")) h = "localhost";
        return "http://" + h + ":" + port();
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

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        fuseki.stop();
        store.close();
    }
}
