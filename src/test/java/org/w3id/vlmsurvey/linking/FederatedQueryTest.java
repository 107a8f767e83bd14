package org.w3id.vlmsurvey.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.Test;

/**
 * {@code queries/federated-wikidata.rq} on the bundled survey, with its SERVICE sent to a local stand-in of Wikidata:
 * the test replaces the query's endpoint IRI {@code <https://query.wikidata.org/sparql>} by the stand-in's URL (a plain
 * string replacement) and allows SERVICE in this query's context only.
 */
class FederatedQueryTest {
    static final String WIKIDATA = "https://query.wikidata.org/sparql";

    @Test
    void papersJoinedWithWikidataItems() throws IOException {
        String query = Files.readString(Path.of("queries/federated-wikidata.rq"));
        assertTrue(query.startsWith("# Question: "));
        assertTrue(query.contains("# requires: SERVICE"));
        assertTrue(query.contains("--allow-service " + WIKIDATA));
        assertTrue(query.contains("SERVICE <" + WIKIDATA + ">"));

        try (StandIn wikidata = new StandIn("wikidata-fixture.ttl", StandIn.NORMAL)) {
            String local = query.replace("<" + WIKIDATA + ">", "<" + wikidata.url() + ">");
            var data = DatasetFactory.wrap(ModelFactory.createModelForGraph(surveyGraph()));
            List<String> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create()
                    .query(local)
                    .dataset(data)
                    .set(ARQ.httpServiceAllowed, true)
                    .build()) {
                qe.execSelect()
                        .forEachRemaining((QuerySolution s) -> rows.add(String.join(
                                " | ",
                                text(s.get("paper")),
                                text(s.get("name")),
                                text(s.get("arxiv")),
                                text(s.get("item")),
                                text(s.get("published")))));
            }
            assertEquals(
                    List.of(
                            "https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020 | CLIP | 2103.00020 | http://www.wikidata.org/entity/Q900001 | 2021-02-26T00:00:00Z",
                            "https://w3id.org/vlm-survey/resource/paper/arxiv-2111.07783 | FILIP | 2111.07783 | http://www.wikidata.org/entity/Q900003 | -"),
                    rows);
            // ARQ puts each paper's arXiv id into the SERVICE pattern: one small lookup per paper, not a scan of
            // Wikidata.
            assertEquals(
                    40,
                    wikidata.requests.get(),
                    "one SERVICE request per paper with an arXiv id (40 of the 41 papers)");
        }
    }

    static org.apache.jena.graph.Graph surveyGraph() {
        return org.w3id.vlmsurvey.graph.SurveyGraph.build(
                        org.w3id.vlmsurvey.graph.SurveyGraph.Source.bundled().withLinks(null), 2)
                .data();
    }

    static String text(RDFNode n) {
        if (n == null) return "-";
        return n.isURIResource() ? n.asResource().getURI() : n.asLiteral().getLexicalForm();
    }
}
