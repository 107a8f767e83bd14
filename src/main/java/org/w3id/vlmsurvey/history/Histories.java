package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The histories of several surveys in one dataset ({@code history --git A --git B}, {@code serve --history-git A
 * --history-git B}): each survey's history as {@link History#dataset(String)} gives it (the first survey's with the
 * IRIs of one survey alone, a later one's versions under {@code version/<slug>/}), and the newest state of them all,
 * the newest version of each survey merged by {@link Surveys#merge} (papers by arXiv id, DOI, normalised URL, as
 * {@code export --source A --source B} merges them), as the named graph {@link #NEWEST}. Identity across versions
 * ({@link Identity}) stays within each survey's history.
 */
public final class Histories {
    /** The graph of the newest version of every survey merged: what a server of several histories serves. */
    public static final Node NEWEST = NodeFactory.createURI(VLM.VERSION + "newest");

    private Histories() {}

    /**
     * One dataset of the histories of several surveys (in the order given: the first keeps the published IRIs); one
     * history alone is its {@link History#dataset()}, unchanged. Every history must have a version built. The newest
     * version of each is mapped once more, on {@code threads} threads, for the merge (which needs the survey's title).
     */
    public static DatasetGraph dataset(List<History> histories, int threads) {
        if (histories.size() == 1) return histories.get(0).dataset();
        List<SurveyGraph.Snapshot> newest = new ArrayList<>();
        List<SurveyGraph.Result> built = new ArrayList<>();
        for (History h : histories) {
            if (h.latest() == null) throw new IllegalArgumentException("a history with no version built");
            Snapshot s = h.latest().snapshot();
            SurveyGraph.Snapshot snapshot = SurveyGraph.Snapshot.of(s.name(), s.content());
            newest.add(snapshot);
            built.add(SurveyGraph.build(snapshot, threads, null));
        }
        List<String> iris = Surveys.iris(built);
        DatasetGraph ds = DatasetGraphFactory.createGeneral();
        for (int i = 0; i < histories.size(); i++) {
            DatasetGraph one = histories.get(i).dataset(iris.get(i));
            one.getDefaultGraph().find().forEachRemaining(ds.getDefaultGraph()::add);
            one.listGraphNodes().forEachRemaining(g -> ds.addGraph(g, one.getGraph(g)));
            ds.getDefaultGraph()
                    .add(
                            NEWEST,
                            Prov.WAS_DERIVED_FROM,
                            histories.get(i).latest().snapshot().iri(iris.get(i)));
        }
        ds.addGraph(NEWEST, Surveys.merge(newest, built).data());
        ds.getDefaultGraph().add(NEWEST, RDF.type.asNode(), DCAT.Dataset.asNode());
        ds.getDefaultGraph()
                .add(
                        NEWEST,
                        RDFS.label.asNode(),
                        NodeFactory.createLiteralString("the newest version of each survey, merged"));
        return ds;
    }
}
