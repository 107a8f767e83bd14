package org.w3id.vlmsurvey.linking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * {@code link --metadata} against a local stand-in of the arXiv API and dblp's search ({@link MetadataStandIn}) on the
 * bundled survey: batches, retries, the rate limit, a malformed answer, the model written and its provenance, and
 * byte-identical output for identical answers.
 */
class PaperMetadataTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    static final String CLIP = VLM.RES + "paper/arxiv-2103.00020", ALIGN = VLM.RES + "paper/arxiv-2102.05918";
    static Graph survey;

    @BeforeAll
    static void build() {
        survey = SurveyGraph.build(SurveyGraph.Source.bundled().withLinks(null).withMetadata(null), 1)
                .data();
    }

    static PaperMetadata.Outcome run(MetadataStandIn s, int batch, int tries, Duration delay, Pauses pauses) {
        return run(s, batch, tries, delay, pauses, 1_000_000);
    }

    static PaperMetadata.Outcome run(
            MetadataStandIn s, int batch, int tries, Duration delay, Pauses pauses, long maxBytes) {
        return run(s, batch, tries, delay, pauses, maxBytes, Duration.ofSeconds(20));
    }

    static PaperMetadata.Outcome run(
            MetadataStandIn s, int batch, int tries, Duration delay, Pauses pauses, long maxBytes, Duration read) {
        var settings =
                new RemoteClient.Settings(Duration.ofSeconds(5), read, tries, Duration.ofMillis(1000), delay, maxBytes);
        return new PaperMetadata(new RemoteClient(settings, pauses), s.services(batch), CLOCK).run(survey);
    }

    static String report(PaperMetadata.Outcome o) {
        StringWriter w = new StringWriter();
        o.report().print(new PrintWriter(w));
        return w.toString();
    }

    /** The authors of a paper in the metadata, by position. */
    static List<String> authors(Graph g, String paper) {
        List<String> names = new ArrayList<>();
        try (var qe = QueryExec.graph(g)
                .query("PREFIX schema: <https://schema.org/> SELECT ?name { <" + paper
                        + "> schema:author ?a . ?a schema:name ?name ; schema:position ?p } ORDER BY ?p")
                .build()) {
            qe.select().forEachRemaining(b -> names.add(b.get("name").getLiteralLexicalForm()));
        }
        return names;
    }

    @Test
    void idsAreAskedInBatchesAndTheModelCarriesItsProvenance() throws Exception {
        try (MetadataStandIn s = new MetadataStandIn()) {
            Pauses pauses = new Pauses();
            PaperMetadata.Outcome o = run(s, 15, 3, Duration.ZERO, pauses);
            List<String> arxiv = s.requests("/api/query");
            assertEquals(3, arxiv.size(), arxiv.toString());
            List<String> asked = new ArrayList<>();
            for (String r : arxiv) {
                String list = r.substring(r.indexOf("id_list=") + 8, r.indexOf("&max_results="));
                List<String> ids = List.of(list.split(","));
                assertEquals(asked.size() < 30 ? 15 : 10, ids.size(), r);
                assertTrue(r.endsWith("&max_results=" + ids.size()), r);
                asked.addAll(ids);
            }
            assertEquals(List.of(), pauses.asked, "no delay, no failure: no pause");
            assertEquals(40, asked.size(), "the 40 arXiv ids of the bundled survey");
            assertEquals(40, o.report().arxivAsked());
            assertEquals(asked.stream().sorted().distinct().toList(), asked, "each id once, in order");
            assertTrue(asked.containsAll(List.of("2103.00020", "2102.05918", "2109.01134", "2111.07783")));
            assertTrue(
                    s.agents().stream().allMatch(a -> a.startsWith("vlm-survey-kg/")),
                    s.agents().toString());
            assertFalse(o.report().hasFailures(), report(o));
            assertEquals(4, o.report().arxivFound(), report(o));
            assertEquals(3, o.report().dblpFound(), report(o));

            Graph g = o.metadata();
            assertEquals(MetadataStandIn.CLIP_AUTHORS, authors(g, CLIP));
            // dblp's published version is preferred to the preprint's writing of a name
            assertEquals("Yun-Hsuan Sung", authors(g, ALIGN).get(7));
            // FILIP: not at dblp (no hit), so arXiv's authors
            assertEquals(
                    List.of(
                            "Lewei Yao",
                            "Runhui Huang",
                            "Lu Hou",
                            "Guansong Lu",
                            "Minzhe Niu",
                            "Hang Xu",
                            "Xiaodan Liang",
                            "Zhenguo Li",
                            "Xin Jiang",
                            "Chunjing Xu"),
                    authors(g, VLM.RES + "paper/arxiv-2111.07783"));
            Node abs =
                    g.find(uri(CLIP), PaperMetadata.ABSTRACT, Node.ANY).next().getObject();
            assertTrue(abs.getLiteralLexicalForm()
                    .startsWith("State-of-the-art computer vision systems are trained to predict a fixed set of "
                            + "predetermined object categories."));
            // provenance: the person comes from the dblp record, read on the run's day
            Node first = uri(CLIP + "-author-1"), record = uri(CLIP + "-metadata-dblp");
            assertTrue(g.contains(first, PaperMetadata.DERIVED, record));
            assertTrue(g.contains(
                    record,
                    org.apache.jena.vocabulary.DCTerms.source.asNode(),
                    uri("https://dblp.org/rec/conf/icml/RadfordKHRGASAM21")));
            assertTrue(g.contains(
                    record,
                    org.apache.jena.vocabulary.DCTerms.modified.asNode(),
                    NodeFactory.createLiteralDT("2026-12-03", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
            assertTrue(g.contains(
                    uri(CLIP + "-metadata-arxiv"),
                    org.apache.jena.vocabulary.DCTerms.source.asNode(),
                    uri("http://arxiv.org/abs/2103.00020v1")));
            // the dblp search is asked by the title's words, for the papers published at a venue only
            assertTrue(
                    s.requests("/search/publ/api")
                            .contains(
                                    "/search/publ/api?q=learning transferable visual models from natural language supervision&format=json&h=10"),
                    s.requests("/search/publ/api").toString());
            assertEquals(o.report().dblpAsked(), s.requests("/search/publ/api").size());
        }
    }

    @Test
    void aBusyServiceIsAskedAgainAndTheRateLimitIsKept() throws Exception {
        try (MetadataStandIn s = new MetadataStandIn()) {
            s.fail(MetadataStandIn.Fault.UNAVAILABLE);
            Pauses pauses = new Pauses();
            PaperMetadata.Outcome o = run(s, 50, 3, Duration.ofSeconds(3), pauses);
            assertFalse(o.report().hasFailures(), report(o));
            assertEquals(4, o.report().arxivFound());
            int requests = s.requests().size();
            assertEquals(1 + 1 + o.report().dblpAsked(), requests, "one batch, asked twice, then one search per paper");
            // a pause of 3 s before every request but the first, and the back-off (1 s) after the 503
            assertEquals(
                    requests - 1, pauses.asked.stream().filter(ms -> ms == 3000).count(), pauses.asked.toString());
            assertEquals(1000L, pauses.asked.get(0), "the back-off after the 503, before the try again");
            assertEquals(requests, pauses.asked.size(), pauses.asked.toString());
        }
    }

    @Test
    void aMalformedAnswerIsReportedWithItsIds() throws Exception {
        try (MetadataStandIn s = new MetadataStandIn()) {
            s.fail(MetadataStandIn.Fault.BROKEN_XML).fail(MetadataStandIn.Fault.BROKEN_JSON);
            PaperMetadata.Outcome o = run(s, 50, 3, Duration.ZERO, new Pauses());
            assertTrue(o.report().hasFailures());
            assertEquals(2, o.report().failures().size(), report(o));
            PaperMetadata.Failure json = o.report().failures().get(1);
            assertEquals("dblp", json.source());
            assertTrue(json.what().startsWith("res:paper/") && json.what().contains(" (\""), json.what());
            assertTrue(json.message().startsWith("not JSON"), json.message());
            PaperMetadata.Failure f = o.report().failures().get(0);
            assertEquals("arxiv", f.source());
            assertTrue(f.what().startsWith("batch 1 of 1 (") && f.what().contains("2103.00020, "), f.what());
            assertTrue(f.message().startsWith("not well-formed XML"), f.message());
            assertEquals(1, s.requests("/api/query").size(), "a malformed answer is not asked again");
            // dblp still answered: the published papers have their authors
            assertEquals("Alec Radford", authors(o.metadata(), CLIP).get(0));
            assertTrue(report(o).contains("  FAILED: arxiv: batch 1 of 1 ("), report(o));
        }
    }

    @Test
    void anAnswerOverTheCapIsAnErrorNamingItsPapers() throws Exception {
        try (MetadataStandIn s = new MetadataStandIn()) {
            // the feed of 40 ids (4 entries) is over 1,100 bytes, and so are dblp's answers with hits; those without
            // (315 bytes) are under it
            PaperMetadata.Outcome o = run(s, 50, 3, Duration.ZERO, new Pauses(), 1100);
            List<PaperMetadata.Failure> arxiv = o.report().failures().stream()
                    .filter(f -> f.source().equals("arxiv"))
                    .toList();
            assertEquals(1, arxiv.size(), report(o));
            assertTrue(arxiv.get(0).what().contains("2103.00020"), arxiv.get(0).what());
            assertEquals(
                    "the answer is larger than 1100 bytes (the response cap) (after 1 try)",
                    arxiv.get(0).message());
            assertEquals(1, s.requests("/api/query").size(), "not asked again");
            List<String> dblp = o.report().failures().stream()
                    .filter(f -> f.source().equals("dblp"))
                    .map(PaperMetadata.Failure::what)
                    .toList();
            assertEquals(
                    List.of(
                            "res:paper/arxiv-2102.05918 (\"ALIGN: Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision\")",
                            "res:paper/arxiv-2103.00020 (\"CLIP: Learning Transferable Visual Models From Natural Language Supervision\")",
                            "res:paper/arxiv-2109.01134 (\"CoOp: Learning to Prompt for Vision-Language Models\")"),
                    dblp,
                    "the three dblp answers with hits are over the cap, each reported with its paper");
        }
    }

    @Test
    void aSilentServiceIsAFailureAfterItsTries() throws Exception {
        try (MetadataStandIn s = new MetadataStandIn()) {
            s.fail(MetadataStandIn.Fault.SLOW).fail(MetadataStandIn.Fault.SLOW);
            Pauses pauses = new Pauses();
            PaperMetadata.Outcome o = run(s, 50, 2, Duration.ZERO, pauses, 1_000_000, Duration.ofMillis(300));
            assertEquals(1, o.report().failures().size(), report(o));
            PaperMetadata.Failure f = o.report().failures().get(0);
            assertEquals("arxiv", f.source());
            assertEquals("no answer within 300 ms (read timeout) (after 2 tries)", f.message());
            assertEquals(List.of(1000L), pauses.asked, "one back-off between the two tries");
            assertEquals(3, o.report().dblpFound(), "dblp answered");
        }
    }

    @Test
    void identicalAnswersGiveIdenticalBytes() throws Exception {
        byte[] first, second;
        try (MetadataStandIn s = new MetadataStandIn()) { // the same answers, twice (the base URL is in the provenance)
            first = ttl(run(s, 20, 1, Duration.ZERO, new Pauses()).metadata());
            second = ttl(run(s, 20, 1, Duration.ZERO, new Pauses()).metadata());
        }
        assertArrayEquals(first, second);
        assertTrue(new String(first, java.nio.charset.StandardCharsets.UTF_8).contains("Alec Radford"));
    }

    static byte[] ttl(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(g, Exporter.Format.TTL, out);
        return out.toByteArray();
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }
}
