package org.w3id.vlmsurvey.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.ServerOptions;
import org.w3id.vlmsurvey.server.SurveyServer;

/**
 * Random and mutated SPARQL strings sent to the server (bundled survey, ephemeral loopback port, 1 s timeout)
 * never get a 5xx answer other than the timeout's 503: a broken query is the client's error (4xx), never the
 * server's. Seeded ({@code -Dfuzz.seed}), bounded ({@code -Dfuzz.queries}, default 1500).
 */
@Tag("slow") // excluded by -Pfast
class SparqlFuzzTest {
    static final int QUERIES = Integer.getInteger("fuzz.queries", 1500);
    static final long SEED = Long.getLong("fuzz.seed", 20230607L);
    static final String[] TOKENS = {
        "{",
        "}",
        "(",
        ")",
        ".",
        ";",
        ",",
        "?x",
        "?",
        "$",
        "*",
        "<",
        ">",
        "\"",
        "'",
        "\"\"\"",
        "#",
        "\\",
        "\u0000",
        "\uFFFF",
        "\uD83D\uDD25",
        "é",
        "SELECT",
        "WHERE",
        "FILTER(",
        "OPTIONAL {",
        "UNION",
        "MINUS {",
        "GRAPH ?g {",
        "SERVICE <http://127.0.0.1:9/sparql> {",
        "SERVICE ?s {",
        "BIND(",
        " AS ?y)",
        "VALUES ?x { 1 }",
        "GROUP BY ?x",
        "HAVING (",
        "ORDER BY",
        "LIMIT 1",
        "OFFSET -1",
        "LIMIT 99999999999999999999",
        "1e999999",
        "-0.0e-0",
        "xsd:integer(\"x\")",
        "REGEX(?x, \"(\")",
        "REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"(a+)+$\")",
        "STRDT(\"x\", <>)",
        "IRI(\" \")",
        "LANGMATCHES(",
        "<http://[::1]>",
        "<urn:x>",
        "_:b",
        "[]",
        "()",
        "^^",
        "@en-",
        "|",
        "/",
        "^",
        "+",
        "!",
        "a",
        "INSERT DATA { <a:b> <a:b> <a:b> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:9/x>",
        "CLEAR ALL",
        "DROP DEFAULT",
        "DESCRIBE *",
        "CONSTRUCT",
        "ASK",
        "PREFIX x: <",
        "BASE <rel>",
        "SUM(",
        "COUNT(DISTINCT",
        "GROUP_CONCAT(?x; separator=",
        "NOW()",
        "RAND()",
        "UUID()",
        "apf:strSplit",
        "<java:org.apache.jena.sparql.function.library.sha1sum>(?x)",
        "?s ?p ?o .",
        "?s ?p* ?o"
    };
    static final String[] STARTS = {
        "SELECT * { ?s ?p ?o } LIMIT 10",
        "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\nSELECT ?p (COUNT(*) AS ?n) { ?p a vlm:Paper ; vlm:category ?c } GROUP BY ?p ORDER BY DESC(?n)",
        "ASK { ?s ?p \"CLIP\" }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?o)) } LIMIT 50",
        "DESCRIBE <https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020>",
        "SELECT ?x { VALUES ?x { 1 2 3 } BIND(?x / 0 AS ?y) FILTER(REGEX(STR(?x), \"[0-9]+\")) }"
    };

    static SurveyServer server;
    static HttpClient http;
    static List<String> corpus = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.resolve(null))
                .port(0)
                .timeout(Duration.ofSeconds(1))
                .build());
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Collections.addAll(corpus, STARTS);
        for (String dir : List.of("bench/queries", "rules/mapping", "rules/checks", "queries"))
            if (Files.isDirectory(Path.of(dir)))
                try (Stream<Path> s = Files.list(Path.of(dir))) {
                    for (Path p :
                            s.filter(p -> p.toString().endsWith(".rq")).sorted().toList())
                        corpus.add(Files.readString(p));
                }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** One fuzzed query: a mutant of a real query, or random tokens, or random characters. */
    static String query(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--)
                sb.append(TOKENS[random.nextInt(TOKENS.length)]).append(' ');
            return sb.toString();
        }
        if (kind == 1) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--)
                sb.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95));
            return sb.toString();
        }
        String q = corpus.get(random.nextInt(corpus.size()));
        if (kind <= 4) {
            // mutations that keep the syntax: other literals, numbers and IRIs, so that the engine runs them
            String[] literals = {
                "\"\"",
                "\"\uD83D\uDD25\"",
                "\"x\"@en",
                "\"1\"^^<http://www.w3.org/2001/XMLSchema#gYear>",
                "\"aaaaaaaaaaaaaaaaaaaaaaaa!\"",
                "\"(\"",
                "\"\\\\\"",
                "\"\u0000\""
            };
            String[] numbers = {"0", "-1", "99999999999999999999", "1e308", "0.0", "2022"};
            String[] iris = {"<urn:x>", "<http://example.org/%00>", "<https://w3id.org/vlm-survey/resource/>"};
            q = q.replaceAll(
                            "\"[^\"\\n]*\"",
                            java.util.regex.Matcher.quoteReplacement(literals[random.nextInt(literals.length)]))
                    .replaceAll("(?<![\\w.:?-])[0-9]+(?![\\w.:-])", numbers[random.nextInt(numbers.length)]);
            if (random.nextBoolean())
                q = q.replaceFirst(
                        "<https://w3id.org/[^>]*>",
                        java.util.regex.Matcher.quoteReplacement(iris[random.nextInt(iris.length)]));
            return q;
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = q.isEmpty() ? 0 : random.nextInt(q.length());
            switch (random.nextInt(5)) {
                case 0 -> q = q.substring(0, at) + q.substring(Math.min(q.length(), at + 1 + random.nextInt(8)));
                case 1 -> q = q.substring(0, at) + " " + TOKENS[random.nextInt(TOKENS.length)] + " " + q.substring(at);
                case 2 -> q = q.substring(0, at);
                case 3 -> {
                    int b = random.nextInt(q.length() + 1);
                    int lo = Math.min(at, b), hi = Math.max(at, b);
                    q = q.substring(0, hi) + q.substring(lo, hi) + q.substring(hi);
                }
                default ->
                    q = q.replaceFirst(
                            "\\?[a-z]+",
                            TOKENS[random.nextInt(TOKENS.length)]
                                    .replace("\\", "\\\\")
                                    .replace("$", "\\$"));
            }
        }
        return q;
    }

    static HttpRequest request(Random random, String query) {
        String base = server.url() + "/survey/sparql";
        String accept = random.nextInt(8) == 0
                ? new String[] {"application/x-nonsense", "text/html", "text/turtle", ""}[random.nextInt(4)]
                : new String[] {"application/sparql-results+json", "text/csv", "application/sparql-results+xml", "*/*"}
                        [random.nextInt(4)];
        HttpRequest.Builder b;
        switch (random.nextInt(3)) {
            case 0 ->
                b = HttpRequest.newBuilder(
                                URI.create(base + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .GET();
            case 1 ->
                b = HttpRequest.newBuilder(URI.create(base))
                        .header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(query));
            default ->
                b = HttpRequest.newBuilder(URI.create(base))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        }
        if (!accept.isEmpty()) b.header("Accept", accept);
        return b.timeout(Duration.ofSeconds(30)).build();
    }

    /** Queries that once got a 500 (Fuseki wrote non-ASCII error messages with a Content-Length in characters). */
    @Test
    void regressionsGetTheirClientError() throws Exception {
        Path dir = Path.of("src/test/resources/fuzz/sparql-regressions");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(!files.isEmpty());
        for (Path f : files) {
            String q = Files.readString(f);
            for (int variant = 0; variant < 6; variant++) {
                HttpRequest req = request(new Random(variant), q);
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                assertEquals(
                        400,
                        r.statusCode(),
                        f + " " + req.method() + " " + req.headers().map() + ": " + abbreviate(r.body()));
                assertTrue(
                        r.body().contains("Only 'smixq' are legal as pattern flags"), f + ": " + abbreviate(r.body()));
            }
        }
    }

    @Test
    void fuzzedQueriesNeverGetA5xxButTheTimeout() {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger(), clientErrors = new AtomicInteger(), timeouts = new AtomicInteger();
        IntStream.range(0, QUERIES).parallel().forEach(i -> {
            if (failures.size() >= 5) return;
            Random random = new Random(SEED * 1_000_003L + i);
            String q = query(random);
            try {
                HttpRequest req = request(random, q);
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s < 400) ok.incrementAndGet();
                else if (s < 500) clientErrors.incrementAndGet();
                else if (s == 503 && r.body().toLowerCase().contains("timed out")) timeouts.incrementAndGet();
                else
                    failures.add("case " + i + ": " + s + " " + abbreviate(r.body()) + " for " + req.method() + " "
                            + req.headers().map() + " query " + keep(i, q) + ": " + abbreviate(q));
            } catch (IOException e) {
                failures.add("case " + i + ": " + e + " for query: " + abbreviate(q));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!failures.isEmpty()) fail("seed " + SEED + ":\n" + String.join("\n", failures));
        // the fuzzer must reach the query engine, not only the parser
        assertTrue(ok.get() > QUERIES / 10, ok + " answered, " + clientErrors + " 4xx, " + timeouts + " timeouts");
    }

    /** The failing query, in target/fuzz-failures/, to replay by hand. */
    static String keep(int i, String q) {
        return FuzzFailures.keep(
                "sparql-seed-" + SEED + "-case-" + i + ".rq", q.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String abbreviate(String s) {
        s = s.replace("\n", "\\n");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
