package org.w3id.vlmsurvey.server.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What a {@link SurveyStore} serves of a history, one immutable snapshot: the history ({@code serve --history-git},
 * {@code --history}), its versions, what changed at each, and the datasets of its older versions built so far (see
 * {@link SurveyStore#datasetAt}); {@link #NONE} without a history. The store keeps it behind one volatile reference,
 * so that a refresh ({@link SurveyStore#replaceHistory}) swaps them all at once rather than field by field: a request
 * reads it once ({@link SurveyStore#served()}) and makes its whole page from that one snapshot.
 */
public final class ServedHistory {
    static final ServedHistory NONE = new ServedHistory(null, null, null);

    /** How many datasets of older versions are kept at once (the most recently used). */
    static final int OLDER_KEPT = 4;

    private final DatasetGraph history;
    private final SurveyVersions versions;
    private final SurveyChanges changes;
    private final Map<Node, DatasetGraph> older = olderCache();

    private ServedHistory(DatasetGraph history, SurveyVersions versions, SurveyChanges changes) {
        this.history = history;
        this.versions = versions;
        this.changes = changes;
    }

    /** The snapshot of the history {@code h}; {@link #NONE} when null. */
    static ServedHistory of(DatasetGraph h) {
        if (h == null) return NONE;
        SurveyVersions vs = SurveyVersions.of(h);
        return new ServedHistory(h, vs, vs == null ? null : new SurveyChanges(vs));
    }

    /** The history served, or null without one. */
    DatasetGraph history() {
        return history;
    }

    /** The versions of the history, or null without one (or when it describes no version). */
    public SurveyVersions versions() {
        return versions;
    }

    /** What changed at each version of the history, or null without one. */
    public SurveyChanges changes() {
        return changes;
    }

    /** The datasets of older versions built so far, by version IRI (synchronize on it). */
    Map<Node, DatasetGraph> older() {
        return older;
    }

    /** The datasets of versions other than the newest, built when first asked for, the most recently used kept. */
    private static Map<Node, DatasetGraph> olderCache() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Node, DatasetGraph> eldest) {
                return size() > OLDER_KEPT;
            }
        };
    }
}
