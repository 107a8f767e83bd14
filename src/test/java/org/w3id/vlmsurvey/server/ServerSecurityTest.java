package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.guard.PasswordFile;

/** The opt-in features: the authenticated update endpoint, and federated query to allowed endpoints only. */
class ServerSecurityTest {

    static final String INSERT = "INSERT DATA { <http://example.org/a> <http://example.org/b> \"added\" }";
    static final String ASK = "ASK { <http://example.org/a> <http://example.org/b> \"added\" }";

    @Test
    void updateOnlyWithBasicAuth(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("passwords");
        Files.writeString(pw, "# editors\n" + PasswordFile.line("editor", "s3cret") + "\n");
        try (SurveyServer server = SurveyServer.start(ServerOptions.defaults(SurveyGraph.Source.resolve(null))
                .withPort(0)
                .withUpdatePasswordFile(pw))) {
            String url = server.url() + "/survey/update";
            // No credentials: 401 with a Basic challenge (the endpoint exists but needs a user of the password file).
            HttpResponse<String> anon = Http.sendFresh(update(url, null, INSERT));
            assertEquals(401, anon.statusCode());
            assertTrue(anon.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            assertEquals(
                    401,
                    Http.sendFresh(update(url, Http.basic("editor", "nope"), INSERT))
                            .statusCode());
            assertTrue(Http.query(server.url(), ASK, "application/sparql-results+json")
                    .body()
                    .contains("false"));

            assertEquals(
                    204,
                    Http.sendFresh(update(url, Http.basic("editor", "s3cret"), INSERT))
                            .statusCode());
            HttpResponse<String> ask = Http.query(server.url(), ASK, "application/sparql-results+json");
            assertEquals(200, ask.statusCode(), "queries still need no credentials");
            assertTrue(ask.body().contains("true"), ask.body());

            // A form (what a cross-site page can send without a preflight) is refused even with credentials.
            HttpRequest form = HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Authorization", Http.basic("editor", "s3cret"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + Http.enc(INSERT)))
                    .build();
            assertEquals(415, Http.sendFresh(form).statusCode());

            // Uploads stay refused even with credentials: the Graph Store endpoint is read-only.
            HttpRequest upload = HttpRequest.newBuilder(java.net.URI.create(server.url() + "/survey/data"))
                    .header("Authorization", Http.basic("editor", "s3cret"))
                    .header("Content-Type", "text/turtle")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "<http://example.org/c> <http://example.org/d> <http://example.org/e> ."))
                    .build();
            assertEquals(405, Http.sendFresh(upload).statusCode());
        }
    }

    /**
     * A CONSTRUCT or DESCRIBE answer is built in memory before it is written: past --max-result-triples the query
     * ends with 400 and says why; at or under it, the answer is whole. Exact counts on the bundled survey (41
     * papers, each with one rdf:type vlm:Paper).
     */
    @Test
    void graphAnswersAreBoundedByMaxResultTriples() throws Exception {
        ServerOptions defaults = ServerOptions.defaults(SurveyGraph.Source.resolve(null));
        ServerOptions.Limits l = defaults.limits();
        try (SurveyServer server = SurveyServer.start(defaults.withPort(0)
                .withLimits(new ServerOptions.Limits(
                        l.maxQuerySize(), l.maxQueries(), l.queueLength(), l.resultBuffer(), l.allowLoad(), 41)))) {
            String vlm = "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#> ";
            // 41 papers: exactly the limit, so the whole answer
            HttpResponse<String> fits = Http.query(
                    server.url(),
                    vlm + "CONSTRUCT { ?p a vlm:Paper } WHERE { ?p a vlm:Paper }",
                    "application/n-triples");
            assertEquals(200, fits.statusCode(), fits.body());
            assertEquals(41, fits.body().lines().count());
            // the same triple built once per row is one triple of the answer
            HttpResponse<String> same = Http.query(
                    server.url(),
                    "CONSTRUCT { <urn:x:a> <urn:x:b> <urn:x:c> } WHERE { ?s ?p ?o }",
                    "application/n-triples");
            assertEquals(200, same.statusCode(), same.body());
            assertEquals(1, same.body().lines().count());
            // 41 papers and their titles: 82 triples
            HttpResponse<String> over = Http.query(
                    server.url(),
                    vlm
                            + "PREFIX dcterms: <http://purl.org/dc/terms/> CONSTRUCT { ?p a vlm:Paper ; dcterms:title ?t } WHERE { ?p a vlm:Paper ; dcterms:title ?t }",
                    "application/n-triples");
            assertEquals(400, over.statusCode());
            assertTrue(over.body().contains("more than 41 triples"), over.body());
            // a cross product, the attack: refused at once instead of filling the heap
            HttpResponse<String> cross =
                    Http.query(server.url(), "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", "text/turtle");
            assertEquals(400, cross.statusCode());
            // DESCRIBE of every paper: each paper's description has more than one triple
            HttpResponse<String> describe =
                    Http.query(server.url(), vlm + "DESCRIBE ?p WHERE { ?p a vlm:Paper }", "text/turtle");
            assertEquals(400, describe.statusCode());
            assertTrue(describe.body().contains("--max-result-triples"), describe.body());
            HttpResponse<String> one = Http.query(
                    server.url(), vlm + "DESCRIBE ?p WHERE { ?p a vlm:Paper } ORDER BY ?p LIMIT 1", "text/turtle");
            assertEquals(200, one.statusCode(), one.body());
        }
    }

    static HttpRequest update(String url, String authorization, String update) {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (authorization != null) b.header("Authorization", authorization);
        return b.build();
    }

    @Test
    void passwordFileMustNameUsers(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("passwords");
        Files.writeString(pw, "# nobody\n");
        var e = assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(pw));
        assertEquals(
                pw + ": error: no user in the password file (make a line with: vlm-survey-kg passwd USER)",
                e.getMessage());
    }

    @Test
    void serviceToAllowedEndpointOnly() {
        DatasetGraph tiny = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString("<http://example.org/s> <http://example.org/p> \"from the other server\" .", Lang.TURTLE)
                .parse(tiny);
        FusekiServer other = FusekiServer.create()
                .fusekiModules(FusekiModules.empty())
                .loopback(true)
                .port(0)
                .add("/tiny", tiny)
                .build()
                .start();
        try {
            String endpoint = "http://localhost:" + other.getHttpPort() + "/tiny/sparql";
            try (SurveyServer server = SurveyServer.start(ServerOptions.defaults(SurveyGraph.Source.resolve(null))
                    .withPort(0)
                    .withAllowService(List.of("localhost:" + other.getHttpPort())))) {
                HttpResponse<String> r =
                        Http.query(server.url(), "SELECT ?o { SERVICE <" + endpoint + "> { ?s ?p ?o } }", "text/csv");
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(
                        List.of("o", "from the other server"), r.body().lines().toList());

                String other127 = "http://127.0.0.1:" + other.getHttpPort() + "/tiny/sparql";
                HttpResponse<String> refused =
                        Http.query(server.url(), "SELECT ?o { SERVICE <" + other127 + "> { ?s ?p ?o } }", "text/csv");
                assertEquals(403, refused.statusCode());
                assertTrue(refused.body().contains("allowed only to localhost:" + other.getHttpPort()), refused.body());
            }
        } finally {
            other.stop();
        }
    }
}
