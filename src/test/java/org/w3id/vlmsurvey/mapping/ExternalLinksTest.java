package org.w3id.vlmsurvey.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Main;

/** The offline links (rules/mapping/50-external-links.rq and data/venues.ttl) as they come out of {@code export}. */
class ExternalLinksTest {
    static final String PREFIXES =
            """
            PREFIX vlm:    <https://w3id.org/vlm-survey/ontology#>
            PREFIX fabio:  <http://purl.org/spar/fabio/>
            PREFIX prism:  <http://prismstandard.org/namespaces/basic/2.0/>
            PREFIX schema: <https://schema.org/>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            """;

    static Graph exported;

    @BeforeAll
    static void export(@TempDir Path dir) {
        Path file = dir.resolve("survey.ttl");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("export", "-o", file.toString());
        assertEquals(Main.OK, exit, err.toString());
        exported = GraphFactory.createGraphMem();
        RDFParser.source(file).parse(exported);
    }

    static List<QuerySolution> select(String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(exported))
                .query(PREFIXES + query)
                .build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    /**
     * In data/vlm-survey.md, 40 of the 41 papers link to arXiv (OTTER links to its GitHub repository), and
     * 8 dataset rows link to an arXiv paper that is not among the methods (COCO Caption, YFCC100M, Visual Genome,
     * WIT, RedCaps, LAION400M, LAION5B, WuKong); CLIP, ALIGN, FILIP and WebLI link to papers that are.
     */
    @Test
    void everyArxivPublicationHasItsIdentifiersAndLinks() {
        List<QuerySolution> all = select(
                """
                SELECT ?publication ?id (EXISTS { ?publication a vlm:Paper } AS ?paper) {
                  ?publication fabio:hasArXivId ?id } ORDER BY ?publication""");
        assertEquals(48, all.size());
        assertEquals(
                40, all.stream().filter(s -> s.getLiteral("paper").getBoolean()).count());
        for (QuerySolution s : all) {
            Node p = s.getResource("publication").asNode();
            String id = s.getLiteral("id").getLexicalForm();
            assertEquals(p.getURI(), "https://w3id.org/vlm-survey/resource/paper/arxiv-" + id);
            assertTrue(
                    has(
                            p,
                            "http://prismstandard.org/namespaces/basic/2.0/doi",
                            NodeFactory.createLiteralString("10.48550/arXiv." + id)),
                    p + " prism:doi");
            for (String page : List.of("https://arxiv.org/abs/" + id, "https://doi.org/10.48550/arXiv." + id)) {
                assertTrue(
                        has(p, "https://schema.org/sameAs", NodeFactory.createURI(page)), p + " schema:sameAs " + page);
                assertTrue(has(p, RDFS.seeAlso.getURI(), NodeFactory.createURI(page)), p + " rdfs:seeAlso " + page);
            }
        }
        // and nothing else got an external link: 48 publications, 2 pages each
        assertEquals(96, select("SELECT * { ?p schema:sameAs ?page }").size());
    }

    @Test
    void clipInFull() {
        Node clip = NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020");
        assertTrue(has(clip, "http://purl.org/spar/fabio/hasArXivId", NodeFactory.createLiteralString("2103.00020")));
        assertTrue(has(clip, "https://schema.org/sameAs", NodeFactory.createURI("https://arxiv.org/abs/2103.00020")));
        assertTrue(has(
                clip, "https://schema.org/sameAs", NodeFactory.createURI("https://doi.org/10.48550/arXiv.2103.00020")));
    }

    @Test
    void aPaperWithoutArxivIdGetsNoArxivLinks() {
        Node otter = NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/url-ffea7b00bf269c5b");
        assertTrue(exported.contains(otter, Node.ANY, Node.ANY), "OTTER is in the export");
        assertFalse(exported.contains(otter, NodeFactory.createURI("https://schema.org/sameAs"), Node.ANY));
        assertFalse(exported.contains(
                otter, NodeFactory.createURI("http://prismstandard.org/namespaces/basic/2.0/doi"), Node.ANY));
    }

    @Test
    void noOwlSameAs() {
        assertFalse(exported.contains(Node.ANY, OWL.sameAs.asNode(), Node.ANY), "owl:sameAs is for true identity only");
    }

    @Test
    void codeRepositoriesAreSoftwareSourceCodeWithTheirGithubName() {
        List<QuerySolution> rows = select(
                """
                SELECT ?repo ?name ?root {
                  ?repo a vlm:CodeRepository .
                  OPTIONAL { ?repo a schema:SoftwareSourceCode ; vlm:githubRepository ?name ; schema:codeRepository ?root }
                } ORDER BY ?repo""");
        // 29 repositories in the survey; 27 on GitHub (LiT's and LASP's code links are web pages)
        assertEquals(29, rows.size());
        List<QuerySolution> github =
                rows.stream().filter(s -> s.contains("name")).toList();
        assertEquals(27, github.size());
        for (QuerySolution s : github)
            assertEquals(
                    "https://github.com/" + s.getLiteral("name").getLexicalForm(),
                    s.getResource("root").getURI());
    }

    /** Every conference and journal the survey cites has its dblp stream, taken from data/venues.ttl. */
    @Test
    void venuesHaveTheirDblpStreams() {
        List<QuerySolution> missing = select(
                """
                SELECT ?venue { ?venue a vlm:Venue . { ?venue a vlm:Conference } UNION { ?venue a vlm:Journal }
                  FILTER NOT EXISTS { ?venue vlm:dblpStream ?stream } } ORDER BY ?venue""");
        assertEquals(
                List.of(),
                missing.stream().map(s -> s.getResource("venue").getURI()).toList(),
                "conferences and journals without vlm:dblpStream");
        Map<String, String> streams = new TreeMap<>();
        for (QuerySolution s : select("SELECT ?venue ?stream { ?venue a vlm:Venue ; vlm:dblpStream ?stream }"))
            streams.put(
                    s.getResource("venue").getURI().replace("https://w3id.org/vlm-survey/resource/venue/", ""),
                    s.getResource("stream").getURI().replace("https://dblp.org/streams/", ""));
        // the survey's venues that dblp covers, checked against dblp's stream names
        Map<String, String> expected = new TreeMap<>(Map.of(
                "aaai",
                "conf/aaai",
                "arxiv",
                "journals/corr",
                "cvpr",
                "conf/cvpr",
                "eccv",
                "conf/eccv",
                "emnlp",
                "conf/emnlp",
                "iclr",
                "conf/iclr",
                "icml",
                "conf/icml",
                "ijcv",
                "journals/ijcv",
                "neurips",
                "conf/nips",
                "tcsvt",
                "journals/tcsv"));
        for (var e : expected.entrySet())
            assertEquals(e.getValue(), streams.get(e.getKey()), "dblp stream of res:venue/" + e.getKey());
    }

    static boolean has(Node s, String p, Node o) {
        return exported.contains(s, NodeFactory.createURI(p), o);
    }
}
