package org.w3id.vlmsurvey.server.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.vlmsurvey.history.Diff;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * What changed at each version of a served history: {@link Diff#between} the version before it and it (every
 * resource added, for the first version), worked out once per version when first asked for.
 */
public final class SurveyChanges {
    private final SurveyVersions versions;
    private final Map<Node, List<Diff.Change>> changes = new ConcurrentHashMap<>();

    public SurveyChanges(SurveyVersions versions) {
        this.versions = versions;
    }

    /** The changes from the version before {@code v} to {@code v}. */
    public List<Diff.Change> at(SurveyVersions.Version v) {
        return changes.computeIfAbsent(v.iri(), k -> Diff.between(before(v), versions.data(v)));
    }

    private Graph before(SurveyVersions.Version v) {
        return versions.previous(v).map(versions::data).orElse(Graph.emptyGraph);
    }

    /**
     * Whether a change at {@code v} is about the method category {@code category} (an IRI) or one of its
     * sub-categories: the category itself, or a paper filed under one of them, in the version the change reads
     * (the one before {@code v} for a removal).
     */
    public boolean inCategory(SurveyVersions.Version v, Diff.Change c, String category) {
        Graph g = c.kind() == Diff.Kind.REMOVED ? before(v) : versions.data(v);
        Set<Node> under = narrower(g, org.apache.jena.graph.NodeFactory.createURI(category));
        if (under.contains(c.iri())) return true;
        var it = g.find(c.iri(), VLM.category.asNode(), Node.ANY);
        try {
            while (it.hasNext()) if (under.contains(it.next().getObject())) return true;
        } finally {
            it.close();
        }
        return false;
    }

    /** A category and every category below it ({@code skos:broader}, transitively) in {@code g}. */
    static Set<Node> narrower(Graph g, Node category) {
        Set<Node> found = new HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(category));
        while (!todo.isEmpty()) {
            Node c = todo.pop();
            if (!found.add(c)) continue;
            g.find(Node.ANY, SKOS.broader.asNode(), c).forEachRemaining(t -> todo.push(t.getSubject()));
        }
        return found;
    }
}
