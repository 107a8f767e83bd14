package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.bundle.Bundled;

/**
 * The documents the text index makes by query (context, authors): every such query is a bundled file of {@code
 * queries/index/} (which the program fingerprint digests, so that a changed query rebuilds a reused index), and the
 * author query makes one document per paper and author name, none without metadata.
 */
class SurveyTextIndexTest {
    @Test
    void theDerivedQueriesAreTheBundledIndexQueries() {
        assertEquals(
                Bundled.list("queries/index/", ".rq").stream()
                        .map(n -> "queries/index/" + n)
                        .sorted()
                        .toList(),
                SurveyTextIndex.DERIVED.values().stream().sorted().toList());
        for (String property : SurveyTextIndex.DERIVED.keySet())
            assertTrue(SurveyTextIndex.FIELDS.containsValue(property), property);
    }

    static int documents(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        SurveyTextIndex index = SurveyTextIndex.inMemory(base);
        Txn.executeWrite(index.dataset(), () -> {
            g.find().forEachRemaining(index.dataset().getDefaultGraph()::add);
            index.clearInTransaction(); // only the documents made by query
            index.indexDerivedInTransaction(base);
            index.recordInTransaction(null);
        });
        return index.documents();
    }

    @Test
    void onePaperAndAuthorNameIsOneDocument() {
        String paper =
                """
                PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX schema: <https://schema.org/>
                <https://example.org/p> a vlm:Paper ; dcterms:title "A title" .
                """;
        String authors =
                """
                PREFIX schema: <https://schema.org/>
                <https://example.org/p> schema:author <https://example.org/p-1>, <https://example.org/p-2> .
                <https://example.org/p-1> a schema:Person ; schema:name "Alec Radford" .
                <https://example.org/p-2> a schema:Person ; schema:name "Jong Wook Kim" .
                """;
        assertEquals(1, documents(paper), "the context document alone");
        assertEquals(3, documents(paper + authors), "and one per author");
    }
}
