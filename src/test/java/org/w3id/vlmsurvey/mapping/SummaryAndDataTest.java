package org.w3id.vlmsurvey.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.vocab.SRC;

/**
 * The global rules' view answers every find exactly as {@code Union(summary, data)}, in the same order, when the
 * two share only reference triples, and the mapping keeps to that (on the bundled survey).
 */
class SummaryAndDataTest {

    static final Node VENUE = NodeFactory.createURI("https://w3id.org/vlm-survey/resource/venue/cvpr"),
            LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
            TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            VENUE_CLASS = NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#Venue"),
            PAPER = NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020"),
            ROW = NodeFactory.createURI(SRC.NODE + "T1-R2"),
            KIND = NodeFactory.createURI(SRC.NS + "kind");

    static Graph graph(Triple... triples) {
        Graph g = GraphFactory.createGraphMem();
        for (Triple t : triples) g.add(t);
        return g;
    }

    static final Triple VENUE_TYPE = Triple.create(VENUE, TYPE, VENUE_CLASS),
            VENUE_LABEL = Triple.create(VENUE, LABEL, NodeFactory.createLiteralString("CVPR")),
            PAPER_TYPE =
                    Triple.create(PAPER, TYPE, NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#Paper")),
            PAPER_LABEL = Triple.create(PAPER, LABEL, NodeFactory.createLiteralString("CLIP")),
            ROW_KIND = Triple.create(ROW, KIND, NodeFactory.createLiteralString("papers"));

    // the reference data (two venue triples), all of it in the summary with some scaffolding; the data has a paper
    // and one of the venue triples copied by a rule
    static final Graph REFERENCE = graph(VENUE_TYPE, VENUE_LABEL),
            SUMMARY = graph(ROW_KIND, VENUE_TYPE, VENUE_LABEL),
            DATA = graph(PAPER_TYPE, PAPER_LABEL, VENUE_LABEL);

    static Stream<Triple> patterns() {
        Node any = Node.ANY;
        return Stream.of(
                Triple.create(any, any, any),
                Triple.create(VENUE, any, any),
                Triple.create(PAPER, any, any),
                Triple.create(ROW, any, any),
                Triple.create(any, LABEL, any),
                Triple.create(any, TYPE, any),
                Triple.create(any, KIND, any),
                Triple.create(any, any, VENUE_CLASS),
                VENUE_LABEL,
                VENUE_TYPE,
                PAPER_LABEL,
                ROW_KIND,
                Triple.create(VENUE, LABEL, any),
                Triple.create(any, LABEL, NodeFactory.createLiteralString("CVPR")),
                Triple.create(PAPER, KIND, any));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void findsWhatTheUnionFinds(Triple pattern) {
        Graph union = new Union(SUMMARY, DATA), view = new SummaryAndData(SUMMARY, REFERENCE, DATA);
        List<Triple> expected = union.find(pattern).toList();
        assertEquals(expected, view.find(pattern).toList(), "same triples, same order");
        assertEquals(union.contains(pattern), view.contains(pattern));
    }

    @Test
    void sizeCountsASharedTripleOnce() {
        assertEquals(5, new Union(SUMMARY, DATA).size());
        assertEquals(5, new SummaryAndData(SUMMARY, REFERENCE, DATA).size());
    }

    /** The view's promise holds on the real survey: the summary and the data share reference triples only. */
    @Test
    void theSummaryAndTheDataShareOnlyReferenceTriples() {
        SurveyGraph.Result r = SurveyGraph.build(SurveyGraph.Source.bundled().withLinks(null), 2);
        Graph reference = SurveyGraph.venues();
        List<Triple> shared = r.data().find().filterKeep(r.working()::contains).toList();
        assertFalse(shared.isEmpty(), "a rule copies curated venues to the data (32-venue-descriptions.rq)");
        assertTrue(
                shared.stream().allMatch(reference::contains),
                "shared, not reference: "
                        + shared.stream()
                                .filter(t -> !reference.contains(t))
                                .limit(5)
                                .toList());
    }
}
