package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query surface of issue 22, attacked on the shaded jar as a user starts it ({@code java -jar
 * target/vlm-survey-kg.jar serve}: the launcher's 512 MB heap with {@code -XX:+ExitOnOutOfMemoryError}), on port 0,
 * with a 2 s timeout. Every attack must get a 4xx or 503 within the timeout plus a second, with one short message
 * and no stack trace; after each, the same process answers the health check and the mission query (the competency
 * query {@code contrastive-with-code-2022.rq}, 12 papers). Before the fix, the injection, the counted path, the
 * {@code apf:concat} chain and the Lucene clauses each made that process exit (out of memory) or answer 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryAttackIT {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** What an attack may take: the query timeout plus a second. */
    static final Duration BOUND = TIMEOUT.plusSeconds(1);

    ServedJar server;
    String mission;

    @BeforeAll
    void start() throws Exception {
        server = ServedJar.serve("--timeout", "2s");
        mission = Files.readString(Path.of("queries/contrastive-with-code-2022.rq"));
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    /** After every attack: the same process is alive, answers its ping and the mission query. */
    @AfterEach
    void stillServing() {
        assertTrue(server.alive(), "the server process exited; its output: " + server.output());
        HttpResponse<String> ping = Http.get(server.url() + "/$/ping", null);
        assertEquals(200, ping.statusCode(), "ping");
        HttpResponse<String> r = Http.query(server.url(), mission, "text/csv");
        assertEquals(200, r.statusCode(), "mission query: " + r.body());
        List<String> lines = r.body().lines().toList();
        assertEquals(13, lines.size(), "12 papers and the header: " + r.body());
        assertTrue(lines.get(1).contains("DeCLIP") && lines.get(12).contains("SegCLIP"), r.body());
    }

    // ---- helpers

    record Answer(int status, String body, Duration took) {}

    Answer get(String pathAndQuery) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.get(server.url() + pathAndQuery, null);
        return new Answer(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - t0));
    }

    Answer sparql(String query) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.query(server.url(), query, "application/sparql-results+json");
        return new Answer(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** A client error or a busy server, in time, with one short message and no stack trace. */
    static void refused(Answer a, String what, int... statuses) {
        List<Integer> allowed = IntStream.of(statuses).boxed().toList();
        assertTrue(
                allowed.contains(a.status()), what + ": expected " + allowed + ", got " + a.status() + " " + a.body());
        assertTrue(
                a.took().compareTo(BOUND) <= 0,
                what + ": answered after " + a.took().toMillis() + " ms");
        noStackTrace(a, what);
    }

    static void noStackTrace(Answer a, String what) {
        assertFalse(a.body().contains("\tat ") || a.body().contains("at org."), what + ": a stack trace: " + a.body());
        assertFalse(a.body().contains("Exception"), what + ": an exception's name: " + a.body());
        assertTrue(a.body().length() < 2000, what + ": " + a.body().length() + " characters of message");
    }

    /** A string doubled {@code n} times by BIND(CONCAT) (2^n times its length): the issue's heap filler. */
    static String doublings(int n) {
        StringBuilder b = new StringBuilder("BIND(\"0123456789abcdef0123456789abcdef\" AS ?s0) ");
        for (int i = 1; i <= n; i++)
            b.append("BIND(CONCAT(?s")
                    .append(i - 1)
                    .append(", ?s")
                    .append(i - 1)
                    .append(") AS ?s")
                    .append(i)
                    .append(") ");
        return b.toString();
    }

    // ---- 1. No query text from parameters

    static List<String> injections() {
        String close = "https://w3id.org/vlm-survey/resource/category/x> . ";
        return List.of(
                // the issue's reproducer: close the IRI, append 28 doubling BIND(CONCAT)
                close + doublings(28) + "} #",
                // SERVICE through the parameter
                close + "SERVICE <http://127.0.0.1:9/sparql> { ?a ?b ?c } } #",
                // close the IRI, cross product
                close + "?a ?b ?c . ?d ?e ?f . ?g ?h ?i } #",
                // a slug that looks like one, with a space and a brace
                "pre-training-with-contrastive-objective } UNION { ?x ?y ?z");
    }

    @ParameterizedTest
    @MethodSource("injections")
    void parameterNeverBecomesQueryText(String value) {
        for (String path : List.of("/papers.bib?category=", "/papers?category=")) {
            Answer a = get(path + Http.enc(value));
            refused(a, path + value, 400);
            assertTrue(a.body().startsWith("Bad request: ") && a.body().contains("category"), a.body());
        }
        for (String path : List.of("/papers?survey=", "/papers.csv?survey=", "/papers.json?survey=")) {
            Answer a = get(path + Http.enc(value.replace("/category/", "/survey/")));
            refused(a, path + value, 400);
            // .json answers its error as JSON (issue 16), the others as a line of text
            String message = path.contains(".json")
                    ? org.apache
                            .jena
                            .atlas
                            .json
                            .JSON
                            .parse(a.body())
                            .get("message")
                            .getAsString()
                            .value()
                    : a.body();
            assertTrue(message.startsWith("Bad request: ") && message.contains("survey"), a.body());
        }
        for (String path :
                List.of("/papers?version=", "/resource/paper/arxiv-2103.00020?version=", "/charts?version=")) {
            Answer a = get(path + Http.enc(value));
            refused(a, path + value, 400);
            assertTrue(a.body().startsWith("Bad request: ") && a.body().contains("version"), a.body());
        }
    }

    static List<Object[]> parameters() {
        return List.of(
                new Object[] {"/papers.bib?category=no-such-category", 404},
                new Object[] {"/papers.bib?category=" + Http.enc("https://example.org/category/x"), 400},
                new Object[] {"/papers.bib?category=" + Http.enc("<x>"), 400},
                new Object[] {"/papers.bib?category=" + "a".repeat(5000), 400},
                new Object[] {"/papers?category=no-such-category", 404},
                new Object[] {"/papers?venue=" + Http.enc("CVPR\" } #"), 404},
                new Object[] {"/papers?year=20x1", 400},
                new Object[] {"/papers?year=1066", 404},
                new Object[] {"/papers?code=" + Http.enc("yes' OR 1=1"), 400},
                new Object[] {"/papers?survey=survey/no-such-survey", 404},
                new Object[] {"/papers.csv?survey=" + Http.enc("https://w3id.org/vlm-survey/resource/survey/none"), 404
                },
                new Object[] {"/papers.json?survey=" + Http.enc("survey/x> } #"), 400},
                new Object[] {"/papers?survey=" + "a".repeat(5000), 400},
                new Object[] {"/papers?sort=" + Http.enc("year } ORDER BY ?x #"), 400},
                new Object[] {"/papers?sort=" + "t".repeat(5000), 400},
                new Object[] {"/datasets?task=" + Http.enc("x\" } ?a ?b ?c #"), 404},
                new Object[] {"/datasets?metric=" + "m".repeat(5000), 400},
                new Object[] {"/datasets?size=" + Http.enc("1B' OR 1=1"), 404},
                new Object[] {"/datasets?year=20x1", 400},
                new Object[] {"/search?q=" + "a".repeat(300), 400},
                // ?version= (issue 16): malformed 400; well-formed, but this server serves no history: 404
                new Object[] {"/papers?version=zzz", 400},
                new Object[] {"/papers?version=2023-02-30", 400},
                new Object[] {"/papers?version=" + "f".repeat(5000), 400},
                new Object[] {"/papers.json?version=" + Http.enc("HEAD~1"), 400},
                new Object[] {"/papers?version=2019-01-01", 404},
                new Object[] {"/papers.bib?version=abcdef0", 404},
                new Object[] {"/search?q=clip&version=" + "9".repeat(40), 404},
                new Object[] {"/charts?version=2019-01-01", 404},
                new Object[] {"/resource/paper/arxiv-2103.00020?version=2019-01-01", 404},
                new Object[] {"/versions", 404},
                new Object[] {"/changes.atom", 404},
                new Object[] {"/resource/paper/" + Http.enc("x> . ?a ?b ?c } #"), 404});
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void badParameterIsAShortClientError(String pathAndQuery, int status) {
        refused(get(pathAndQuery), pathAndQuery, status);
    }

    @Test
    void goodParametersStillWork() {
        Answer bib = get("/papers.bib?category=transfer-with-text-prompt-tuning");
        assertEquals(200, bib.status(), bib.body());
        assertEquals(11, bib.body().split("\n@").length, "11 papers under text prompt tuning");
        Answer iri = get("/papers.bib?category="
                + Http.enc("https://w3id.org/vlm-survey/resource/category/transfer-with-text-prompt-tuning"));
        assertEquals(bib.body(), iri.body(), "slug and IRI name the same category");
        Answer papers = get("/papers?category=transfer-with-text-prompt-tuning&year=2022&venue=CVPR&code=yes");
        assertEquals(200, papers.status(), papers.body());
        Answer survey = get("/papers.csv?survey=survey");
        assertEquals(200, survey.status(), survey.body());
        assertEquals(get("/papers.csv").body(), survey.body(), "the one survey lists every paper");
        Answer search = get("/search.csv?q=" + Http.enc("prompt*) OR /.*/ AND foo~2 \\"));
        assertEquals(400, search.status(), "search text is Lucene syntax, checked: " + search.body());
        assertTrue(search.body().startsWith("Bad request: text:query: Cannot parse"), search.body());
        noStackTrace(search, "search");
        assertEquals(200, get("/search.csv?q=" + Http.enc("prompt* OR promt")).status());
    }

    // ---- 2. SPARQL 1.1 is the public language

    static List<String> arqSyntax() {
        return List.of(
                // the issue's reproducer (131 bytes): a counted path from one paper
                "SELECT * { <https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020> (!<x>|^!<x>){0,6} ?o }",
                "SELECT * { ?s (!<x>|^!<x>){0,} ?o }",
                "SELECT * { ?s <http://x/p>{2} ?o }",
                // other ARQ extensions
                "SELECT * { LET (?x := 1) }");
    }

    @ParameterizedTest
    @MethodSource("arqSyntax")
    void arqSyntaxIsRefused(String q) {
        Answer a = sparql(q);
        refused(a, q, 400);
        if (q.contains("{0,") || q.contains("{2}"))
            assertTrue(a.body().contains("SPARQL 1.1") && a.body().contains("counted"), a.body());
    }

    // ---- 3. Every shape of growth bounded

    static List<String> propertyFunctions() {
        StringBuilder chain = new StringBuilder(
                "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT (STRLEN(?s24) AS ?n) { BIND(\"0123456789\" AS ?s0) ");
        for (int i = 1; i <= 24; i++)
            chain.append("?s")
                    .append(i)
                    .append(" apf:concat (?s")
                    .append(i - 1)
                    .append(" ?s")
                    .append(i - 1)
                    .append(") . ");
        chain.append("}");
        return List.of(
                chain.toString(),
                "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?x apf:strSplit (\"a,b\" \",\") }",
                "PREFIX list: <http://jena.apache.org/ARQ/list#> SELECT * { ?l list:member ?m }",
                "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { FILTER EXISTS { ?x apf:concat (\"a\" \"b\") } }",
                "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { { SELECT ?x { ?x apf:splitIRI (?a ?b) } } }");
    }

    @ParameterizedTest
    @MethodSource("propertyFunctions")
    void propertyFunctionsAreRefused(String q) {
        Answer a = sparql(q);
        refused(a, q.substring(0, Math.min(80, q.length())), 400);
        assertTrue(a.body().contains("property function"), a.body());
    }

    /** One query per operator family that grows (time or memory): each ends with a 4xx or 503 in time. */
    static List<String> families() {
        String cross = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";
        return List.of(
                // paths
                "SELECT (COUNT(*) AS ?n) { ?s (!<x>|^!<x>)* ?o . ?o (!<y>|^!<y>)+ ?z }",
                // joins and cross products
                "SELECT * { " + cross + " } ORDER BY ?a",
                "SELECT (COUNT(*) AS ?n) { { ?a ?b ?c } { ?d ?e ?f } { ?g ?h ?i } }",
                "SELECT * { ?a ?b ?c OPTIONAL { ?d ?e ?f . ?g ?h ?i } } ORDER BY ?i",
                // aggregates
                "SELECT ?a ?d (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ?d",
                "SELECT (GROUP_CONCAT(STR(?c)) AS ?all) { " + cross + " }",
                "SELECT DISTINCT ?a ?d ?g { " + cross + " }",
                // functions
                "SELECT ?a { " + cross + " FILTER(STRSTARTS(SHA512(CONCAT(STR(?a), STR(?d), STR(?g))), \"0000\")) }",
                "SELECT (MAX(STRLEN(?x)) AS ?m) { ?a ?b ?c . ?d ?e ?f BIND(CONCAT(STR(?a), STR(?c), STR(?d), STR(?f), STR(?a), STR(?c), STR(?d), STR(?f)) AS ?x) }",
                // a 589k-character string on every row, sorted
                "SELECT * { " + doublings(14) + " ?a ?b ?c . ?d ?e ?f BIND(CONCAT(?s14, STR(?a)) AS ?x) } ORDER BY ?x",
                "SELECT * { " + doublings(26) + " }",
                "SELECT (REPLACE(?s14, \"a\", \"aaaaaaaaaaaaaaaaaaaa\") AS ?x) { " + doublings(14) + " }",
                "SELECT * { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(CONCAT(STR(?c), STR(?f)), \"^(.*a){12}$\")) }",
                // text search with the rest
                "PREFIX text: <http://jena.apache.org/text#> SELECT * { ?p text:query \"prompt\" . ?a ?b ?c . ?d ?e ?f } ORDER BY ?c",
                // deep nesting
                "SELECT * " + "{ SELECT * ".repeat(1000) + "{ ?s ?p ?o }" + " }".repeat(1000),
                "SELECT * { FILTER(" + "(".repeat(20000) + "1" + ")".repeat(20000) + ") }");
    }

    @ParameterizedTest
    @MethodSource("families")
    void expensiveShapesEndInTime(String q) {
        refused(sparql(q), q.substring(0, Math.min(120, q.length())), 400, 503);
    }

    @Test
    void expensiveShapesAtOnceDoNotExhaustTheHeap() throws Exception {
        // the memory-bound shapes, four at a time (the server's --max-queries), twice
        List<String> heavy = List.of(
                "SELECT ?a ?d (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ?d",
                "SELECT * { " + doublings(14) + " ?a ?b ?c . ?d ?e ?f BIND(CONCAT(?s14, STR(?a)) AS ?x) } ORDER BY ?x",
                "SELECT (GROUP_CONCAT(STR(?c)) AS ?all) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a",
                "SELECT DISTINCT ?a ?d ?g { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (String q : heavy) all.add(Http.queryAsync(server.url(), q));
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertTrue(List.of(400, 503).contains(r.statusCode()), r.statusCode() + " " + r.body());
            }
        }
    }

    // ---- 4. Lucene under control

    static List<String> luceneAttacks() {
        String t = "PREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query \"%s\" }";
        String wildcards =
                IntStream.range(0, 700).mapToObj(i -> "a" + i + "*b*c*d*e").collect(Collectors.joining(" "));
        String fuzzy = IntStream.range(0, 300)
                .mapToObj(i -> "abcdefghijklmnopqrstuvwxyz" + i + "~2")
                .collect(Collectors.joining(" "));
        String fourLongFuzzy = IntStream.range(0, 4)
                .mapToObj(i -> "abcdefghijklmnopqrstuvwxyzabcdefghij" + i + "~2")
                .collect(Collectors.joining(" "));
        return List.of(
                String.format(t, wildcards), // the issue's 700 wildcard clauses (38 kB)
                String.format(t, fuzzy), // 300 long fuzzy terms
                String.format(t, fourLongFuzzy), // four of them held every query slot for 50 s
                String.format(t, "/[a-z]+.*x/"), // a regex
                String.format(t, "*ing"), // a leading wildcard
                String.format(t, "prompt AND " + "(".repeat(1200) + "x" + ")".repeat(1200)),
                String.format(t, "title:(((("), // a Lucene syntax error
                "PREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query (\"prompt\" 2000000000) }",
                "PREFIX text: <http://jena.apache.org/text#> SELECT * { VALUES ?q { \"a*\" } ?s text:query ?q }");
    }

    @ParameterizedTest
    @MethodSource("luceneAttacks")
    void luceneQueriesAreBounded(String q) {
        Answer a = sparql(q);
        refused(a, q.substring(0, Math.min(100, q.length())), 400);
        assertTrue(a.body().contains("text:query"), a.body());
    }

    @Test
    void searchPageIsBoundedToo() {
        String words = IntStream.range(0, 40).mapToObj(i -> "w" + i + "~").collect(Collectors.joining(" "));
        Answer a = get("/search.json?q=" + Http.enc(words.substring(0, Math.min(200, words.length()))));
        assertTrue(List.of(200, 400).contains(a.status()), a.status() + " " + a.body());
        noStackTrace(a, "search");
        assertTrue(a.took().compareTo(BOUND) <= 0, a.took().toString());
        Answer many = get("/search.json?q=" + Http.enc("a ".repeat(99)));
        refused(many, "99 words", 400);
        assertTrue(many.body().contains("clauses"), many.body());
    }

    // ---- 7. Errors: short, once, no stack trace

    @Test
    void parseErrorIsOneShortMessageWithoutTheQueryTwice() {
        String q = "SELECT * WHERE { ?s ?p ?o . FILTER(?o = \"marker-7d1f\" && ) }";
        Answer a = sparql(q);
        refused(a, q, 400);
        assertTrue(a.body().contains("line 1"), "the parser's position: " + a.body());
        assertTrue(a.body().split("marker-7d1f", -1).length <= 2, "the query at most once: " + a.body());
        assertFalse(a.body().contains("Was expecting one of"), "not JavaCC's token list: " + a.body());
    }

    // ---- the property test: random compositions of the families

    static final String[] PATTERNS = {
        "?a ?b ?c",
        "?d ?e ?f",
        "?a ?b ?d",
        "?a (!<x>|^!<x>)* ?g",
        "?a <http://purl.org/dc/terms/title>+ ?t",
        "{ ?a ?b ?c } UNION { ?d ?e ?f }",
        "OPTIONAL { ?d ?e ?a }",
        "MINUS { ?a ?e ?f }",
        "FILTER(STRLEN(STR(?c)) > 3)",
        "BIND(CONCAT(STR(?a), STR(?c)) AS ?x)",
        "FILTER(REGEX(STR(?a), \"(a|b)*c\"))",
        "BIND(SHA256(STR(?c)) AS ?h)",
        "FILTER NOT EXISTS { ?c ?e ?f }",
        "?p <http://jena.apache.org/text#query> \"prompt*\"",
        "VALUES ?k { 1 2 3 4 5 6 7 8 }",
        "?a <http://jena.apache.org/ARQ/property#concat> (?b ?c)",
        "{ SELECT ?a (COUNT(*) AS ?m) { ?a ?b ?c } GROUP BY ?a }"
    };

    static final String[] SHAPES = {
        "SELECT * { %s } LIMIT 50",
        "SELECT (COUNT(*) AS ?n) { %s }",
        "SELECT ?a (GROUP_CONCAT(STR(?c)) AS ?g) { %s } GROUP BY ?a LIMIT 50",
        "SELECT DISTINCT ?a ?c { %s } ORDER BY ?c LIMIT 50",
        "SELECT * { %s } ORDER BY DESC(?a) LIMIT 50",
        "ASK { %s }",
        "CONSTRUCT { ?a ?b ?c } WHERE { %s } LIMIT 50"
    };

    @Test
    void randomCompositionsStayWithinBounds() throws Exception {
        Random random = new Random(22); // fixed seed: the same 40 queries every run
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = 1 + random.nextInt(4);
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < n; j++)
                body.append(PATTERNS[random.nextInt(PATTERNS.length)]).append(" . ");
            queries.add(String.format(SHAPES[random.nextInt(SHAPES.length)], body));
        }
        for (int i = 0; i < queries.size(); i += 4) {
            List<String> batch = queries.subList(i, Math.min(queries.size(), i + 4));
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (String q : batch) all.add(Http.queryAsync(server.url(), q));
            for (int k = 0; k < batch.size(); k++) {
                HttpResponse<String> r = all.get(k).get();
                Answer a = new Answer(r.statusCode(), r.body(), Duration.ofNanos(System.nanoTime() - t0));
                String q = batch.get(k);
                assertTrue(
                        List.of(200, 400, 503).contains(a.status()),
                        "never a 5xx but the timeout's 503: " + a.status() + " for " + q + "\n" + a.body());
                if (a.status() != 200) noStackTrace(a, q);
                if (q.contains("ARQ/property#")) assertEquals(400, a.status(), q);
                // four at once share the server's four slots: each ends within its timeout plus a second
                assertTrue(
                        a.took().compareTo(BOUND) <= 0, q + " took " + a.took().toMillis() + " ms");
            }
            assertTrue(server.alive(), "the server exited on: " + batch);
        }
    }

    /** The ping is not held up by the attacks: a sanity check of the harness itself. */
    @Test
    void pingAnswersWhileAnAttackRuns() throws Exception {
        CompletableFuture<HttpResponse<String>> attack =
                Http.queryAsync(server.url(), "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a");
        HttpResponse<String> ping = Http.send(HttpRequest.newBuilder(URI.create(server.url() + "/$/ping"))
                .timeout(Duration.ofSeconds(5))
                .build());
        assertEquals(200, ping.statusCode());
        assertTrue(List.of(400, 503).contains(attack.get().statusCode()));
    }
}
