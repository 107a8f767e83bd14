package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** The {@code query} command: every output format, ASK and CONSTRUCT, bad queries, a real endpoint, SERVICE and timeouts. */
class QueryCommandTest {
    static final String PREFIXES = "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\n";
    /** The three venues with the most papers: arXiv 11, CVPR 10, NeurIPS 6 (counted in data/vlm-survey.md). */
    static final String TOP_VENUES = PREFIXES
            + "SELECT ?acronym (COUNT(?paper) AS ?papers) { ?paper a vlm:Paper ; vlm:publishedIn/vlm:acronym ?acronym }\n"
            + "GROUP BY ?acronym ORDER BY DESC(?papers) LIMIT 3";

    static FusekiServer server;

    @BeforeAll
    static void startServer() {
        Graph survey = Exporter.union(
                SurveyGraph.ontology(),
                SurveyGraph.build(SurveyGraph.Source.resolve(null), 2).data());
        server = FusekiServer.create()
                .loopback(true)
                .port(0)
                .verbose(false)
                .add("/survey", DatasetGraphFactory.wrap(survey), false)
                .build()
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.stop();
    }

    static String endpoint() {
        return "http://localhost:" + server.getPort() + "/survey/sparql";
    }

    @Test
    void tableIsTheDefault() {
        Run r = run("query", "--query", TOP_VENUES);
        assertEquals(Main.OK, r.exit(), r.err());
        assertEquals(
                """
                ----------------------
                | acronym   | papers |
                ======================
                | "arXiv"   | 11     |
                | "CVPR"    | 10     |
                | "NeurIPS" | 6      |
                ----------------------
                """,
                r.out());
    }

    @Test
    void csv() {
        Run r = run("query", "--format", "csv", "--query", TOP_VENUES);
        assertEquals(Main.OK, r.exit(), r.err());
        assertEquals("acronym,papers\r\narXiv,11\r\nCVPR,10\r\nNeurIPS,6\r\n", r.out());
    }

    @Test
    void tsv() {
        Run r = run("query", "-f", "tsv", "-q", TOP_VENUES);
        assertEquals(Main.OK, r.exit(), r.err());
        assertEquals("?acronym\t?papers\n\"arXiv\"\t11\n\"CVPR\"\t10\n\"NeurIPS\"\t6\n", r.out());
    }

    @Test
    void json() {
        Run r = run("query", "-f", "json", "-q", TOP_VENUES);
        assertEquals(Main.OK, r.exit(), r.err());
        ResultSet rs = ResultSetMgr.read(
                new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        assertEquals(List.of("acronym", "papers"), rs.getResultVars());
        StringBuilder rows = new StringBuilder();
        rs.forEachRemaining(
                (QuerySolution s) -> rows.append(s.getLiteral("acronym").getString())
                        .append('=')
                        .append(s.getLiteral("papers").getInt())
                        .append(' '));
        assertEquals("arXiv=11 CVPR=10 NeurIPS=6 ", rows.toString());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = run("query", "-f", "xml", "-q", TOP_VENUES);
        assertEquals(Main.USAGE, r.exit());
        assertTrue(
                r.err().contains("expected one of [TABLE, CSV, TSV, JSON] (case-insensitive) but was 'xml'"), r.err());
    }

    @Test
    void ask() {
        String ask = PREFIXES
                + "ASK { <https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020> vlm:shortName \"CLIP\" }";
        Run table = run("query", "-q", ask);
        assertEquals(Main.OK, table.exit(), table.err());
        assertEquals("yes\n", table.out());
        Run no = run("query", "-q", ask.replace("\"CLIP\"", "\"ALIGN\""));
        assertEquals("no\n", no.out());
        Run json = run("query", "-f", "json", "-q", ask);
        assertTrue(json.out().replaceAll("\\s", "").contains("\"boolean\":true"), json.out());
        Run csv = run("query", "-f", "csv", "-q", ask);
        assertEquals("_askResult\r\ntrue\r\n", csv.out());
    }

    @Test
    void constructPrintsTurtle() {
        String construct = PREFIXES
                + "CONSTRUCT { ?p vlm:shortName ?n } WHERE { ?p vlm:shortName ?n FILTER (?n IN (\"CoOp\", \"CoCoOp\")) }";
        Run r = run("query", "-q", construct);
        assertEquals(Main.OK, r.exit(), r.err());
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(r.out(), Lang.TURTLE).parse(g);
        assertEquals(2, g.size());
        assertTrue(g.contains(
                NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/arxiv-2109.01134"),
                NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#shortName"),
                NodeFactory.createLiteralString("CoOp")));
        assertTrue(g.contains(
                NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/arxiv-2203.05557"),
                NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#shortName"),
                NodeFactory.createLiteralString("CoCoOp")));
        assertTrue(r.out().contains("PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>"), r.out());
    }

    @Test
    void describePrintsTurtle() {
        Run r = run("query", "-q", "DESCRIBE <https://w3id.org/vlm-survey/resource/venue/ijcv>");
        assertEquals(Main.OK, r.exit(), r.err());
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(r.out(), Lang.TURTLE).parse(g);
        assertTrue(g.contains(
                NodeFactory.createURI("https://w3id.org/vlm-survey/resource/venue/ijcv"),
                NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#acronym"),
                NodeFactory.createLiteralString("IJCV")));
    }

    @Test
    void badQueryFileNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.rq");
        Files.writeString(file, PREFIXES + "SELECT ?paper\nWHERE { ?paper a vlm:Paper ; vlm:shortName }\n");
        Run r = run("query", file.toString());
        assertEquals(Main.USAGE, r.exit());
        assertEquals("", r.out());
        // line 3, column 44: the "}" where the object of vlm:shortName should be
        assertTrue(r.err().startsWith(file + ":3:44: error: Encountered \" \"}\" "), r.err());
        assertTrue(r.err().contains("at line 3, column 44"), r.err());
    }

    @Test
    void badInlineQueryNamesTheOption() {
        Run r = run("query", "-q", "SELECT * WHERE { ?s ?p ?o . FILTER (?o = \"open) }");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().startsWith("--query:1:"), r.err());
        assertTrue(r.err().contains("Lexical error"), r.err());
    }

    @Test
    void missingFileIsAnInputError(@TempDir Path dir) {
        Run r = run("query", dir.resolve("nothing.rq").toString());
        assertEquals(Main.IO, r.exit());
        assertTrue(r.err().contains("nothing.rq: error: cannot read the query"), r.err());
    }

    @Test
    void fileAndQueryTogetherIsAUsageError() {
        Run r = run("query", "queries/venues-by-papers.rq", "-q", TOP_VENUES);
        assertEquals(Main.USAGE, r.exit());
    }

    @Test
    void endpointGivesTheSameAnswerAsInProcess() throws IOException {
        Run r = run("query", "--endpoint", endpoint(), "-f", "tsv", "queries/contrastive-with-code-2022.rq");
        assertEquals(Main.OK, r.exit(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/queries/contrastive-with-code-2022.tsv")), r.out());
    }

    @Test
    void endpointConstructAndAsk() {
        Run ask = run("query", "-e", endpoint(), "-q", PREFIXES + "ASK { ?p vlm:shortName \"GroupViT\" }");
        assertEquals("yes\n", ask.out(), ask.err());
        Run construct = run(
                "query",
                "-e",
                endpoint(),
                "-q",
                PREFIXES + "CONSTRUCT { ?p vlm:shortName ?n } WHERE { ?p vlm:shortName ?n FILTER (?n = \"LiT\") }");
        assertEquals(Main.OK, construct.exit(), construct.err());
        assertTrue(
                construct.out().contains("<https://w3id.org/vlm-survey/resource/paper/arxiv-2111.07991>"),
                construct.out());
    }

    @Test
    void endpointErrorIsReported() {
        String missing = "http://localhost:" + server.getPort() + "/no-such-dataset/sparql";
        Run r = run("query", "-e", missing, "-q", TOP_VENUES);
        assertEquals(Main.QUERY_FAILED, r.exit());
        assertTrue(r.err().startsWith("--query: error: " + missing + " answered: HTTP 404 "), r.err());
    }

    static String serviceQuery() {
        return PREFIXES + "SELECT ?name { SERVICE <" + endpoint()
                + "> { ?p vlm:shortName ?name FILTER (STRSTARTS(?name, \"Co\")) } } ORDER BY ?name";
    }

    @Test
    void serviceIsRefusedByDefault() {
        Run r = run("query", "-q", serviceQuery());
        assertEquals(Main.QUERY_FAILED, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--allow-service"), r.err());
    }

    @Test
    void serviceRunsWhenAllowed() {
        Run r = run("query", "--allow-service", "localhost:" + server.getPort(), "-f", "csv", "-q", serviceQuery());
        assertEquals(Main.OK, r.exit(), r.err());
        assertEquals("name\r\nCoCa\r\nCoCoOp\r\nCoOp\r\n", r.out());
    }

    @Test
    void timeoutStopsALongQuery() {
        // 2,000-odd triples cubed: billions of rows, far beyond a millisecond
        Run r = run("query", "--timeout", "1ms", "-q", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        assertEquals(Main.QUERY_FAILED, r.exit(), r.out());
        assertTrue(r.err().contains("did not finish within 1ms (--timeout)"), r.err());
    }
}
