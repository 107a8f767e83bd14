package org.w3id.vlmsurvey.server.store;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.TripleCounts;

/**
 * The served dataset: the ontology and the survey data in the default graph of one transactional dataset,
 * in memory or in TDB2. {@link #replace} swaps in a new graph in a single write transaction, so a query
 * (which runs in a read transaction) sees either the old graph or the new one, never a mix.
 * <p>
 * A TDB2 store also keeps the {@link Fingerprint} of the build it holds, in the named graph
 * {@value #BUILD_GRAPH}, written in the same transaction as the data: a crash during a rebuild leaves the
 * previous data and its fingerprint.
 */
public final class SurveyStore {
    public static final String BUILD_GRAPH = "urn:x-vlm-survey:build";
    private static final Node BUILD = NodeFactory.createURI(BUILD_GRAPH);
    private static final Node SOURCE_SHA = NodeFactory.createURI("urn:x-vlm-survey:sourceSha256");
    private static final Node PROGRAM_SHA = NodeFactory.createURI("urn:x-vlm-survey:programSha256");

    private final DatasetGraph dataset;
    /** The survey's history served beside it ({@code serve --history-git}), or null; see {@link #history}. */
    private volatile DatasetGraph history;

    private SurveyStore(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    public static SurveyStore inMemory() {
        return new SurveyStore(DatasetGraphFactory.createTxnMem());
    }

    public static SurveyStore tdb2(Path dir) {
        return new SurveyStore(DatabaseMgr.connectDatasetGraph(dir.toString()));
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    /**
     * Serves a history (from {@code history}) with the survey, from the next {@link #replace} on: its default graph
     * (versions, first and last listed) is added to the default graph, its versions are the named graphs.
     */
    public void history(DatasetGraph h) {
        this.history = h;
    }

    /** The fingerprint of the build held, or null if there is none (new or in-memory store, or a history to add). */
    public Fingerprint fingerprint() {
        if (history != null) return null;
        return Txn.calculateRead(dataset, () -> {
            Graph g = dataset.getGraph(BUILD);
            Node s = value(g, SOURCE_SHA), p = value(g, PROGRAM_SHA);
            return s == null || p == null ? null : new Fingerprint(s.getLiteralLexicalForm(), p.getLiteralLexicalForm());
        });
    }

    private static Node value(Graph g, Node property) {
        var it = g.find(BUILD, property, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** Replaces everything with the ontology plus {@code data}, and records the fingerprint, in one write transaction. */
    public void replace(Graph data, Fingerprint fingerprint) {
        Graph ontology = SurveyGraph.ontology();
        Txn.executeWrite(dataset, () -> {
            dataset.clear();
            Graph dft = dataset.getDefaultGraph();
            ontology.find().forEachRemaining(dft::add);
            data.find().forEachRemaining(dft::add);
            dft.getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
            DatasetGraph h = history;
            if (h != null) {
                h.getDefaultGraph().find().forEachRemaining(dft::add);
                h.listGraphNodes().forEachRemaining(g -> h.getGraph(g).find().forEachRemaining(t -> dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
            }
            if (fingerprint != null) {
                dataset.add(BUILD, BUILD, SOURCE_SHA, NodeFactory.createLiteralString(fingerprint.source()));
                dataset.add(BUILD, BUILD, PROGRAM_SHA, NodeFactory.createLiteralString(fingerprint.program()));
            }
        });
    }

    /** Counts of the served default graph, for the start-up line and the VoID description. */
    public record Counts(long triples, long papers, long datasets) {}

    /** What the served triples are: data, ontology, links (from {@code linksFile}, null for none). */
    public TripleCounts tripleCounts(Path linksFile) {
        return Txn.calculateRead(dataset, () -> TripleCounts.ofServed(dataset.getDefaultGraph(), linksFile));
    }

    public Counts counts() {
        return Txn.calculateRead(dataset, () -> new Counts(dataset.getDefaultGraph().size(),
                count("https://w3id.org/vlm-survey/ontology#Paper"), count("https://w3id.org/vlm-survey/ontology#Dataset")));
    }

    private long count(String cls) {
        String q = "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a <" + cls + "> }";
        try (QueryExec qe = QueryExec.dataset(dataset).query(q).build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    public void close() {
        dataset.close();
        if (DatabaseMgr.isTDB2(dataset))
            org.apache.jena.tdb2.sys.TDBInternal.expel(dataset);
    }
}
