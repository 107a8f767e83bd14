package org.w3id.vlmsurvey.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.linking.LinkReport.EndpointReport;
import org.w3id.vlmsurvey.linking.LinkReport.KeyReport;
import org.w3id.vlmsurvey.vocab.VLM;

/** The linker against local stand-ins of Wikidata and dblp: matches, provenance, timeouts, errors, retries. */
class LinkerTest {
    static final String RES = VLM.RES, WD = "http://www.wikidata.org/entity/";
    static final String CLIP = RES + "paper/arxiv-2103.00020",
            ALIGN = RES + "paper/arxiv-2102.05918",
            FILIP = RES + "paper/arxiv-2111.07783",
            OTTER = RES + "paper/url-ffea7b00bf269c5b",
            CVPR = RES + "venue/cvpr";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    static Graph survey;

    /** The bundled survey; CVPR gets its dblp stream here in case data/venues.ttl does not give it yet. */
    @BeforeAll
    static void survey() {
        survey = GraphFactory.createGraphMem();
        SurveyGraph.build(SurveyGraph.Source.bundled().withLinks(null), 2)
                .data()
                .find()
                .forEachRemaining(survey::add);
        survey.add(uri(CVPR), uri(VLM.NS + "dblpStream"), uri("https://dblp.org/streams/conf/cvpr"));
    }

    static Linker linker(Duration readTimeout, int tries) {
        return linker(readTimeout, tries, 50, RemoteClient.Pause.SLEEP);
    }

    /** A linker asking in batches of {@code batchSize}, with a back-off of 10 ms (doubled) through {@code pause}. */
    static Linker linker(Duration readTimeout, int tries, int batchSize, RemoteClient.Pause pause) {
        var settings = new RemoteClient.Settings(
                Duration.ofSeconds(2), readTimeout, tries, Duration.ofMillis(10), Duration.ZERO, 1_000_000);
        return new Linker(new SparqlRemote(new RemoteClient(settings, pause)), batchSize, CLOCK);
    }

    @Test
    void matchesAreWrittenWithProvenance() {
        try (StandIn wikidata = new StandIn("wikidata-fixture.ttl", StandIn.NORMAL);
                StandIn dblp = new StandIn("dblp-fixture.ttl", StandIn.NORMAL)) {
            Linker.Outcome out = linker(Duration.ofSeconds(5), 3)
                    .run(survey, List.of(Endpoint.wikidata(wikidata.url()), Endpoint.dblp(dblp.url())));
            Graph links = out.links();

            assertEquals(
                    Set.of(
                            CLIP + " owl:sameAs " + WD + "Q900001",
                            ALIGN + " owl:sameAs " + WD + "Q900002",
                            CVPR + " owl:sameAs " + WD + "Q900007",
                            CLIP + " dcterms:hasVersion https://dblp.org/rec/journals/corr/abs-2103-00020",
                            ALIGN + " dcterms:hasVersion https://dblp.org/rec/journals/corr/abs-2102-05918",
                            OTTER + " dcterms:hasVersion https://dblp.org/rec/conf/iclr/WuZTWKKG22",
                            OTTER + " dcterms:hasVersion https://dblp.org/rec/journals/corr/abs-2112-09445"),
                    linkTriples(links));

            EndpointReport wd = out.report().endpoints().get(0);
            assertEquals(
                    List.of(CLIP, ALIGN, CVPR).stream().sorted().toList(),
                    iris(wd.linked()).stream().sorted().toList());
            assertEquals(Map.of(FILIP, List.of(WD + "Q900003", WD + "Q900004")), ambiguous(wd));
            assertTrue(wd.unknown().isEmpty());
            assertTrue(wd.failures().isEmpty());
            KeyReport arxiv = key(wd, MatchingKey.WIKIDATA_ARXIV), doi = key(wd, MatchingKey.WIKIDATA_DOI);
            assertEquals(48, arxiv.asked().size());
            assertEquals(List.of(CLIP, FILIP), iris(arxiv.matches().keySet()));
            assertEquals(48, doi.asked().size());
            assertEquals(List.of(ALIGN, CLIP, FILIP), iris(doi.matches().keySet()));
            assertTrue(iris(wd.notFound()).contains(RES + "paper/arxiv-2110.05208"), "lower-case DOI must not match");
            assertEquals(
                    wd.linked().size() + wd.ambiguous().size() + wd.notFound().size(),
                    union(wd).size());

            EndpointReport db = out.report().endpoints().get(1);
            assertEquals(List.of(ALIGN, CLIP, OTTER), iris(db.linked()));
            assertEquals(List.of(OTTER), iris(key(db, MatchingKey.DBLP_TITLE).asked()));
            assertEquals(46, db.notFound().size(), "49 asked (48 DOIs, 1 title), 3 linked");
            assertTrue(iris(db.notFound()).contains(FILIP), "a DOI literal is not dblp's DOI IRI");

            // Provenance, queried the way a reviewer would.
            assertEquals(
                    List.of(
                            "dblp-doi dcterms:hasVersion prism:doi dblp:doi 2 " + dblp.url(),
                            "dblp-title dcterms:hasVersion dcterms:title dblp:title 2 " + dblp.url(),
                            "wikidata-arxiv owl:sameAs fabio:hasArXivId wdt:P818 1 " + wikidata.url(),
                            "wikidata-dblp-venue owl:sameAs vlm:dblpStream wdt:P8926 1 " + wikidata.url(),
                            "wikidata-doi owl:sameAs prism:doi wdt:P356 2 " + wikidata.url()),
                    provenance(links));

            assertTrue(
                    wikidata.userAgents.stream()
                            .allMatch(ua -> ua.startsWith("vlm-survey-kg/" + System.getProperty("vlm.version")
                                            + " (https://w3id.org/vlm-survey/;")
                                    && ua.endsWith(" Apache-Jena/" + System.getProperty("vlm.jena.version"))),
                    wikidata.userAgents.toString());
            assertEquals(3, wikidata.requests.get(), "one batch per key");
        }
    }

    @Test
    void aRemoteThatTimesOutIsReportedAndTheOtherResultsAreKept() {
        try (StandIn wikidata = new StandIn("wikidata-fixture.ttl", StandIn.sleep(1500));
                StandIn dblp = new StandIn("dblp-fixture.ttl", StandIn.NORMAL)) {
            Linker.Outcome out = linker(Duration.ofMillis(300), 2)
                    .run(survey, List.of(Endpoint.wikidata(wikidata.url()), Endpoint.dblp(dblp.url())));
            EndpointReport wd = out.report().endpoints().get(0);
            assertEquals(3, wd.failures().size());
            wd.failures().forEach(f -> {
                assertEquals(0, f.status());
                assertEquals(2, f.tries());
                assertEquals("no answer within 300 ms (read timeout)", f.message());
            });
            assertTrue(wd.linked().isEmpty());
            assertTrue(wd.notFound().isEmpty(), "nothing can be said not found when the remote did not answer");
            long publications = count(
                    "{ ?x <http://purl.org/spar/fabio/hasArXivId> ?id } UNION { ?x <http://prismstandard.org/namespaces/basic/2.0/doi> ?doi }");
            long venues = count("?x <https://w3id.org/vlm-survey/ontology#dblpStream> ?stream "
                    + "FILTER NOT EXISTS { ?x a <https://w3id.org/vlm-survey/ontology#Workshop> }");
            assertTrue(publications > 0 && venues > 0, publications + " publications, " + venues + " venues");
            assertEquals(
                    publications + venues,
                    wd.unknown().size(),
                    "every paper and publication with an arXiv id or DOI, every venue (not a workshop) with a dblp stream");
            assertEquals(6, wikidata.requests.get(), "3 batches, 2 tries each");
            // dblp's links are kept, Wikidata's linksets say they are incomplete.
            assertEquals(4, linkTriples(out.links()).size());
            assertTrue(out.report().hasFailures());
            assertTrue(out.report().anyAnswered());
            assertEquals(
                    "incomplete: 1 of 1 batches failed; 48 resources not asked",
                    comment(out.links(), MatchingKey.WIKIDATA_ARXIV));
            String printed = print(out.report());
            assertTrue(
                    printed.contains(
                            "FAILED: by arXiv id, batch 1 of 1 (48 values) failed after 2 tries: no answer within 300 ms (read timeout)"),
                    printed);
        }
    }

    @Test
    void aServerErrorIsRetriedThenReportedWithItsStatus() {
        try (StandIn wikidata =
                new StandIn("wikidata-fixture.ttl", StandIn.failFirst(1000, 500, "java.lang.OutOfMemoryError: boom"))) {
            Linker.Outcome out =
                    linker(Duration.ofSeconds(5), 3).run(survey, List.of(Endpoint.wikidata(wikidata.url())));
            EndpointReport wd = out.report().endpoints().get(0);
            assertEquals(9, wikidata.requests.get(), "3 batches, 3 tries each");
            assertEquals(3, wd.failures().size());
            wd.failures().forEach(f -> {
                assertEquals(500, f.status());
                assertEquals(3, f.tries());
                assertTrue(
                        f.message().startsWith("HTTP 500")
                                && f.message().endsWith(": java.lang.OutOfMemoryError: boom"),
                        f.message());
            });
            assertFalse(out.report().anyAnswered());
            assertTrue(linkTriples(out.links()).isEmpty());
        }
    }

    @Test
    void aBadRequestIsNotRetriedAndReportedWithItsStatus() {
        try (StandIn dblp =
                new StandIn("dblp-fixture.ttl", StandIn.failFirst(1000, 400, "Parse error: unexpected VALUES"))) {
            Linker.Outcome out = linker(Duration.ofSeconds(5), 3).run(survey, List.of(Endpoint.dblp(dblp.url())));
            EndpointReport db = out.report().endpoints().get(0);
            // 48 DOIs in up to 3 spellings each (144 values) make 3 batches, the one title 1 batch.
            assertEquals(4, dblp.requests.get(), "one try per batch: a 400 does not get better");
            assertEquals(
                    List.of(400, 400, 400, 400),
                    db.failures().stream().map(LinkReport.BatchFailure::status).toList());
            assertTrue(
                    db.failures().get(0).message().endsWith(": Parse error: unexpected VALUES"),
                    db.failures().get(0).message());
        }
    }

    @Test
    void busyAndFailingAnswersAreRetriedWithBackOff() {
        // The first two requests fail (429, then 503 via the same behaviour's status), the third is answered.
        try (StandIn wikidata = new StandIn("wikidata-fixture.ttl", StandIn.failFirst(2, 429, "Too Many Requests"))) {
            Pauses pauses = new Pauses();
            Linker.Outcome out = linker(Duration.ofSeconds(5), 3, 1000, pauses)
                    .run(survey, List.of(Endpoint.wikidata(wikidata.url())));
            EndpointReport wd = out.report().endpoints().get(0);
            assertTrue(wd.failures().isEmpty(), wd.failures().toString());
            assertEquals(5, wikidata.requests.get(), "2 failed tries, then 3 batches answered");
            assertEquals(List.of(10L, 20L), pauses.asked, "the back-off, doubled; no pause between batches");
            assertEquals(List.of(ALIGN, CLIP, CVPR), iris(wd.linked()));
        }
    }

    @Test
    void smallBatchesAskTheSameQuestions() {
        try (StandIn wikidata = new StandIn("wikidata-fixture.ttl", StandIn.NORMAL)) {
            Linker.Outcome out = linker(Duration.ofSeconds(5), 1, 10, RemoteClient.Pause.SLEEP)
                    .run(survey, List.of(Endpoint.wikidata(wikidata.url())));
            // 48 arXiv ids and 48 DOIs in 5 batches each, 1 venue id in 1.
            assertEquals(11, wikidata.requests.get());
            assertEquals(
                    List.of(ALIGN, CLIP, CVPR),
                    iris(out.report().endpoints().get(0).linked()));
        }
    }

    static Set<String> linkTriples(Graph links) {
        Set<String> out = new TreeSet<>();
        links.find().forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            if (p.equals("http://www.w3.org/2002/07/owl#sameAs") || p.equals("http://purl.org/dc/terms/hasVersion"))
                out.add(t.getSubject().getURI() + " " + VLM.prefixes().shortForm(p) + " "
                        + t.getObject().getURI());
        });
        return out;
    }

    static List<String> provenance(Graph links) {
        String q = String.join(
                        "\n",
                        VLM.prefixes().getNsPrefixMap().entrySet().stream()
                                .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">")
                                .toList())
                + """

                SELECT ?linkset ?predicate ?key ?remoteKey ?triples ?endpoint WHERE {
                  ?linkset a void:Linkset ; void:linkPredicate ?predicate ; vlm:matchingKey ?key ; vlm:remoteKey ?remoteKey ;
                           void:triples ?triples ; void:objectsTarget/void:sparqlEndpoint ?endpoint ;
                           void:subjectsTarget res:survey ; dcterms:created "2025-03-04T05:06:07Z"^^xsd:dateTime ;
                           prov:wasGeneratedBy ?run .
                  ?run a prov:Activity ; prov:used ?endpoint ; prov:endedAtTime "2025-03-04T05:06:07Z"^^xsd:dateTime .
                } ORDER BY ?linkset""";
        List<String> rows = new ArrayList<>();
        var pm = VLM.prefixes();
        pm.setNsPrefix("wdt", "http://www.wikidata.org/prop/direct/");
        pm.setNsPrefix("dblp", "https://dblp.org/rdf/schema#");
        try (var qe = QueryExecutionFactory.create(q, ModelFactory.createModelForGraph(links))) {
            qe.execSelect()
                    .forEachRemaining((QuerySolution s) ->
                            rows.add(s.getResource("linkset").getURI().substring((RES + "linkset/").length()) + " "
                                    + pm.shortForm(s.getResource("predicate").getURI()) + " "
                                    + pm.shortForm(s.getResource("key").getURI()) + " "
                                    + pm.shortForm(s.getResource("remoteKey").getURI()) + " "
                                    + s.getLiteral("triples").getLong() + " "
                                    + s.getResource("endpoint").getURI()));
        }
        return rows;
    }

    static String comment(Graph links, MatchingKey key) {
        var it = links.find(key.linkset(), uri("http://www.w3.org/2000/01/rdf-schema#comment"), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    static String print(LinkReport report) {
        StringWriter sw = new StringWriter();
        report.print(new PrintWriter(sw));
        return sw.toString();
    }

    static KeyReport key(EndpointReport e, MatchingKey k) {
        return e.keys().stream().filter(r -> r.key() == k).findFirst().orElseThrow();
    }

    static Map<String, List<String>> ambiguous(EndpointReport e) {
        Map<String, List<String>> out = new TreeMap<>();
        e.ambiguous().forEach((s, items) -> out.put(s.getURI(), iris(items)));
        return out;
    }

    static Set<Node> union(EndpointReport e) {
        Set<Node> all = new TreeSet<>(Linker.ORDER);
        e.keys().forEach(k -> all.addAll(k.asked()));
        return all;
    }

    static List<String> iris(java.util.Collection<Node> nodes) {
        return nodes.stream().map(Node::getURI).toList();
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    /** The number of distinct ?x in the survey matching {@code pattern}. */
    static long count(String pattern) {
        try (var qe = org.apache.jena.sparql.exec.QueryExec.graph(survey)
                .query("SELECT (COUNT(DISTINCT ?x) AS ?n) { " + pattern + " }")
                .build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }
}
