package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.vocab.VLM;

/** The papers page asks which surveys list each paper only when several surveys are served. */
class BrowseServletTest {
    static final String S1 = VLM.RES + "survey", S2 = VLM.RES + "survey/second", P = VLM.RES + "paper/p";

    /** A paper listed by both surveys, in a dataset that counts the read transactions begun on it. */
    static DatasetGraph listedByBoth(AtomicInteger reads) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(d, () -> {
            var g = d.getDefaultGraph();
            var paper = NodeFactory.createURI(P);
            g.add(paper, RDF.type.asNode(), VLM.Paper.asNode());
            for (String s : List.of(S1, S2)) {
                var entry = NodeFactory.createURI(s + "/entry/p");
                g.add(paper, VLM.listedIn.asNode(), entry);
                g.add(entry, NodeFactory.createURI(VLM.NS + "sourceDocument"), NodeFactory.createURI(s));
            }
        });
        return new DatasetGraphWrapper(d) {
            @Override
            public void begin(TxnType type) {
                reads.incrementAndGet();
                super.begin(type);
            }
        };
    }

    static Table surveys(String... iris) {
        return new Table(
                List.of("survey"),
                java.util.Arrays.stream(iris)
                        .map(i -> Map.<String, Object>of("survey", i))
                        .toList());
    }

    @Test
    void theSurveysListingEachPaperAreAskedOnlyOfSeveralSurveys() {
        record Case(Table surveys, Map<String, List<String>> listedBy, int queries) {}
        for (Case c : List.of(
                new Case(surveys(), null, 0),
                new Case(surveys(S1), null, 0),
                new Case(surveys(S1, S2), Map.of(P, List.of("survey", "survey/second")), 1))) {
            AtomicInteger reads = new AtomicInteger();
            Map<String, List<String>> got = BrowseServlet.listedBy(listedByBoth(reads), c.surveys());
            if (c.listedBy() == null) assertNull(got, c.toString());
            else assertEquals(c.listedBy(), got, c.toString());
            assertEquals(c.queries(), reads.get(), c.toString());
        }
    }
}
