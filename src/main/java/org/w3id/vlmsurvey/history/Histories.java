package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;

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
    public static final Node NEWEST = VersionedTriples.NEWEST_MERGED;

    private Histories() {}

    /**
     * One dataset of the histories of several surveys, as served (in the order given: the first keeps the published
     * IRIs; each survey's versions linked views, {@link History#dataset(String)}); one history alone is its
     * {@link History#dataset()}, unchanged. Every history must have a version built. The newest version of each is
     * mapped once more, on {@code threads} threads, for the merge (which needs the survey's title).
     */
    public static DatasetGraph dataset(List<History> histories, int threads) {
        if (histories.size() == 1) return histories.get(0).dataset();
        return of(histories, threads, History::dataset);
    }

    /**
     * The histories of several surveys as written ({@code history -o}) and cached: each survey's change sets
     * ({@link History#changeSets(String)}: its newest version in full, the others by what they added and removed) and
     * {@link #NEWEST} in full; one history alone is its {@link History#changeSets()}, unchanged. {@link History#read}
     * reads it back as {@link #dataset} gives it.
     */
    public static DatasetGraph changeSets(List<History> histories, int threads) {
        if (histories.size() == 1) return histories.get(0).changeSets();
        return of(histories, threads, History::changeSets);
    }

    private static DatasetGraph of(
            List<History> histories, int threads, BiFunction<History, String, DatasetGraph> survey) {
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
            DatasetGraph one = survey.apply(histories.get(i), iris.get(i));
            one.getDefaultGraph().find().forEachRemaining(ds.getDefaultGraph()::add);
            one.listGraphNodes().forEachRemaining(g -> ds.addGraph(g, one.getGraph(g)));
            ds.prefixes().putAll(one.prefixes());
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
