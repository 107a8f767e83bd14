package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;

/**
 * A history served from memory: its versions' graphs are linked beside the store, not copied into it, and SPARQL
 * over the served dataset reads each version whole ({@code GRAPH ?v}, {@code GRAPH <v>}).
 */
class WithVersionsTest {
    @TempDir
    static Path tmp;

    static History history;
    static DatasetGraph served;
    static SurveyStore store;

    @BeforeAll
    static void serve() throws IOException {
        history = TestHistory.create(tmp.resolve("survey")).history();
        served = history.dataset();
        store = SurveyStore.inMemory();
        store.history(served);
        store.replace(history.latest().data(), null);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theVersionsAreLinkedNotCopied() {
        Txn.executeRead(store.dataset(), () -> {
            assertFalse(store.base().listGraphNodes().hasNext(), "the store below holds no version's graph");
            for (History.Version v : history.versions()) {
                Node g = v.snapshot().iri();
                assertTrue(store.dataset().containsGraph(g), g.toString());
                assertTrue(store.dataset().getGraph(g).isIsomorphicWith(v.data()), g.toString());
            }
        });
    }

    @Test
    void sparqlReadsEveryVersionWhole() {
        Map<String, Long> expected = new HashMap<>();
        for (History.Version v : history.versions())
            expected.put(v.snapshot().iri().getURI(), (long) v.data().size());
        Map<String, Long> counted = new HashMap<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset())
                    .query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
                    .build()) {
                RowSet rows = qe.select();
                rows.forEachRemaining(b -> counted.put(
                        b.get("g").getURI(), Long.parseLong(b.get("n").getLiteralLexicalForm())));
            }
        });
        assertEquals(expected, counted);
        // one version by name: exactly its triples
        History.Version v1 = history.versions().get(0);
        Set<org.apache.jena.graph.Triple> read = new HashSet<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset())
                    .query("CONSTRUCT { ?s ?p ?o } { GRAPH <"
                            + v1.snapshot().iri().getURI() + "> { ?s ?p ?o } }")
                    .build()) {
                qe.construct().find().forEachRemaining(read::add);
            }
        });
        assertEquals(new HashSet<>(v1.data().find().toList()), read);
    }

    @Test
    void theDefaultGraphIsTheNewestVersionAndTheDescription() {
        long papers = Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset())
                    .query("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <https://w3id.org/vlm-survey/ontology#Paper> }")
                    .build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
        assertEquals(history.latest().counts().papers(), papers);
    }
}
