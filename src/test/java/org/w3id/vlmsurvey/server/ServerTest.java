package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** The server on the bundled survey, over real HTTP on an ephemeral port, with its default (read-only) setup. */
class ServerTest {
    static final String PREFIXES =
            """
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            PREFIX res: <https://w3id.org/vlm-survey/resource/>
            PREFIX fabio: <http://purl.org/spar/fabio/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;
    static final String CONTRASTIVE_2022 = PREFIXES
            + """
            SELECT ?short WHERE {
              ?p a vlm:Paper ; vlm:category <https://w3id.org/vlm-survey/resource/category/pre-training-with-contrastive-objective> ;
                 fabio:hasPublicationYear "2022"^^xsd:gYear ; vlm:codeAvailability vlm:CodeReleased ;
                 vlm:shortName ?short .
            } ORDER BY ?short
            """;
    static final List<String> CONTRASTIVE_2022_PAPERS = List.of(
            "AltCLIP",
            "Chinese CLIP",
            "DeCLIP",
            "FIBER",
            "GroupViT",
            "K-LITE",
            "KELIP",
            "LiT",
            "SLIP",
            "SegCLIP",
            "UniCL",
            "ZeroVL");
    /** Every triple three times over: far more than the timeout allows. */
    static final String HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    static SurveyServer server;
    static String base;
    static long triples;

    @BeforeAll
    static void start() {
        server = SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.resolve(null))
                .port(0)
                .timeout(Duration.ofSeconds(2))
                .build());
        base = server.url();
        triples = Txn.calculateRead(
                server.store().dataset(),
                () -> server.store().dataset().getDefaultGraph().size());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> column(ResultSet rs, String var) {
        List<String> values = new ArrayList<>();
        rs.forEachRemaining(s -> values.add(s.get(var).toString()));
        return values;
    }

    @Test
    void boundToEphemeralLoopbackPort() {
        assertNotEquals(0, server.port());
        assertNotEquals(ServerOptions.DEFAULT_PORT, server.port());
        assertEquals("http://127.0.0.1:" + server.port(), base);
        var connector = (ServerConnector) server_connector();
        assertEquals("127.0.0.1", connector.getHost());
    }

    private static Object server_connector() {
        return fuseki().getJettyServer().getConnectors()[0];
    }

    private static org.apache.jena.fuseki.main.FusekiServer fuseki() {
        try {
            var f = SurveyServer.class.getDeclaredField("fuseki");
            f.setAccessible(true);
            return (org.apache.jena.fuseki.main.FusekiServer) f.get(server);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every response, a ping or a 503 refusal too, once took a fresh, zeroed 5 MB direct buffer (Fuseki's output
     * buffer size, too large for Jetty's pool): 300 requests at once then kept the health check waiting for seconds.
     * Responses now take their buffer from Jetty's pool.
     */
    @Test
    void responsesUsePooledBuffersNotAFreshDirectBufferEach() {
        var connector = (ServerConnector) server_connector();
        int size = connector
                .getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                .getHttpConfiguration()
                .getOutputBufferSize();
        assertEquals(32 * 1024, size);
        var direct = java.lang.management.ManagementFactory.getPlatformMXBeans(
                        java.lang.management.BufferPoolMXBean.class)
                .stream()
                .filter(b -> b.getName().equals("direct"))
                .findFirst()
                .orElseThrow();
        Http.get(base + "/$/ping", "*/*");
        long before = direct.getTotalCapacity(), most = before;
        for (int i = 0; i < 20; i++) {
            assertEquals(200, Http.get(base + "/$/ping", "*/*").statusCode());
            most = Math.max(most, direct.getTotalCapacity());
        }
        assertTrue(most - before < 1024 * 1024, "direct memory grew by " + (most - before) + " bytes over 20 pings");
    }

    @Test
    void contrastiveMethodsWithCodeIn2022() {
        HttpResponse<String> r = Http.query(base, CONTRASTIVE_2022, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        ResultSet rs = ResultSetMgr.read(
                new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        assertEquals(CONTRASTIVE_2022_PAPERS, column(rs, "short"));
    }

    @Test
    void eachResultFormatByAcceptAndByFormatParameter() {
        String q = PREFIXES + "SELECT (COUNT(?p) AS ?n) { ?p a vlm:Paper }";
        record F(String accept, String param, String type, Lang lang) {}
        for (F f : List.of(
                new F(
                        "application/sparql-results+json",
                        "json",
                        "application/sparql-results+json",
                        ResultSetLang.RS_JSON),
                new F("application/sparql-results+xml", "xml", "application/sparql-results+xml", ResultSetLang.RS_XML),
                new F("text/csv", "csv", "text/csv", ResultSetLang.RS_CSV),
                new F("text/tab-separated-values", "tsv", "text/tab-separated-values", ResultSetLang.RS_TSV))) {
            HttpResponse<String> byAccept = Http.get(base + "/survey/sparql?query=" + Http.enc(q), f.accept());
            HttpResponse<String> byParam = Http.send(
                    Http.form(base + "/survey/sparql", "query=" + Http.enc(q) + "&format=" + f.param(), null));
            for (HttpResponse<String> r : List.of(byAccept, byParam)) {
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(Http.contentType(r).startsWith(f.type()), f.type() + " <> " + Http.contentType(r));
                ResultSet rs = ResultSetMgr.read(
                        new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), f.lang());
                String n = rs.next().get("n").asLiteral().getLexicalForm();
                assertEquals("41", n, f.type());
            }
        }
    }

    @Test
    void queryAlias() {
        HttpResponse<String> r = Http.get(
                base + "/survey/query?query=" + Http.enc("ASK { ?s ?p ?o }"), "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("true"));
    }

    @Test
    void graphStoreReadInEachSyntax() {
        for (var e : List.of(
                List.of("text/turtle", "TTL"),
                List.of("application/ld+json", "JSONLD"),
                List.of("application/n-triples", "NT"),
                List.of("application/rdf+xml", "RDF/XML"))) {
            HttpResponse<String> r = Http.get(base + "/survey/data", e.get(0));
            assertEquals(200, r.statusCode());
            assertTrue(Http.contentType(r).startsWith(e.get(0)), Http.contentType(r));
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(e.get(1)))
                    .parse(g);
            assertEquals(triples, g.size(), e.get(0));
        }
    }

    @Test
    void badQueryIs400WithTheParserMessage() {
        HttpResponse<String> r = Http.query(base, "SELECT * WHERE { ?s ?p ", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Encountered") && r.body().contains("line 1, column"), r.body());
    }

    @Test
    void heavyQueryTimesOutWith503WhileALightQueryStillAnswers() throws Exception {
        long before = inFlight();
        CompletableFuture<HttpResponse<String>> heavy = Http.queryAsync(base, HEAVY);
        org.w3id.vlmsurvey.Eventually.until("the heavy query is being answered", () -> inFlight() > before);
        HttpResponse<String> light = Http.query(base, "ASK { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, light.statusCode());
        assertFalse(heavy.isDone(), "the light query answered while the heavy one runs");
        HttpResponse<String> r = heavy.get(30, TimeUnit.SECONDS);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("Query timed out"), r.body());
    }

    /** The requests to the survey's services that Fuseki has begun and not yet finished (its own counters). */
    static long inFlight() {
        var counters = fuseki().getDataAccessPointRegistry()
                .get(org.w3id.vlmsurvey.server.web.Endpoints.DATASET)
                .getDataService()
                .getCounters();
        return counters.value(org.apache.jena.fuseki.server.CounterName.Requests)
                - counters.value(org.apache.jena.fuseki.server.CounterName.RequestsGood)
                - counters.value(org.apache.jena.fuseki.server.CounterName.RequestsBad);
    }

    @Test
    void readOnly() {
        HttpRequest put = Http.request(base + "/survey/data")
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "<http://example.org/a> <http://example.org/b> <http://example.org/c> ."))
                .build();
        assertEquals(405, Http.sendFresh(put).statusCode());
        HttpRequest post = Http.request(base + "/survey/data")
                .header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "<http://example.org/a> <http://example.org/b> <http://example.org/c> ."))
                .build();
        assertEquals(405, Http.sendFresh(post).statusCode());
        String update = "update="
                + Http.enc("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }");
        assertEquals(
                404,
                Http.sendFresh(Http.form(base + "/survey/update", update, null)).statusCode());
        assertEquals(
                400, Http.sendFresh(Http.form(base + "/survey", update, null)).statusCode());
        assertEquals(404, Http.get(base + "/$/datasets", null).statusCode());
        assertEquals(404, Http.get(base + "/$/server", null).statusCode());
        HttpResponse<String> ask =
                Http.query(base, "ASK { <http://example.org/a> ?p ?o }", "application/sparql-results+json");
        assertTrue(ask.body().contains("false"), ask.body());
    }

    @Test
    void serviceIsRefusedByDefault() {
        HttpResponse<String> r =
                Http.query(base, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", null);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("SERVICE <http://127.0.0.1:9/sparql> refused"), r.body());
        HttpResponse<String> nested = Http.query(
                base, "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }", null);
        assertEquals(403, nested.statusCode());
    }

    @Test
    void corsForQueries() {
        HttpRequest preflight = Http.request(base + "/survey/sparql")
                .header("Origin", "http://example.org")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> r = Http.send(preflight);
        assertEquals(200, r.statusCode());
        assertEquals(
                "http://example.org",
                r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> get = Http.send(Http.request(base + "/survey/sparql?query=" + Http.enc("ASK {}"))
                .header("Origin", "http://example.org")
                .GET()
                .build());
        assertEquals(200, get.statusCode());
        assertEquals(
                "http://example.org",
                get.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void ping() {
        assertEquals(200, Http.get(base + "/$/ping", null).statusCode());
    }

    @Test
    void queryPageAndExamples() {
        HttpResponse<String> page = Http.get(base + "/sparql", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/static/vendor/yasgui/yasgui.min.js"));
        assertEquals(
                200,
                Http.get(base + "/static/vendor/yasgui/yasgui.min.js", null).statusCode());
        assertEquals(
                200,
                Http.get(base + "/static/vendor/yasgui/yasgui.min.css", null).statusCode());
        HttpResponse<String> ex = Http.get(base + "/examples.json", null);
        assertEquals(200, ex.statusCode());
        var json = org.apache.jena.atlas.json.JSON.parseAny(ex.body()).getAsArray();
        int files = org.w3id.vlmsurvey.bundle.Bundled.list("queries/", ".rq").size();
        assertEquals(Math.max(files, 1), json.size());
        for (var e : json) {
            String q = e.getAsObject().getString("query");
            // the federated example needs --allow-service: refused by default, every other example answers
            int expected = q.contains("# requires: SERVICE") ? 403 : 200;
            assertEquals(
                    expected,
                    Http.query(base, q, "application/sparql-results+json").statusCode(),
                    q);
        }
        assertEquals(404, Http.get(base + "/no/such/page", null).statusCode());
    }
}
