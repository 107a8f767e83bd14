package org.w3id.vlmsurvey.mapping;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * What the global rules and checks read: the summary (the mapping's scaffolding, with the reference data) and the
 * data built so far, as one read-only graph. It answers exactly as Jena's {@code Union(summary, data)} does, in the
 * same order (the summary's triples, then the data's that the summary lacks), without that union's cost: a
 * {@code Union} records every triple of the summary it hands out in a hash set, on every find, to drop them from
 * the data's. Here the two can only share reference triples (a rule copying a curated venue into the data; the
 * rest of the summary is scaffolding, which never goes to the data), so only a find that the reference data can
 * answer filters the data's triples, against the (small) reference graph.
 */
final class SummaryAndData extends GraphBase {
    private final Graph summary, reference, data;

    /** {@code summary} must hold every triple of {@code reference} and no other triple the data may hold. */
    SummaryAndData(Graph summary, Graph reference, Graph data) {
        this.summary = summary;
        this.reference = reference;
        this.data = data;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple match) {
        ExtendedIterator<Triple> fromData = data.find(match);
        if (reference.contains(match)) fromData = fromData.filterDrop(reference::contains);
        return summary.find(match).andThen(fromData);
    }

    @Override
    public boolean graphBaseContains(Triple t) {
        return summary.contains(t) || data.contains(t);
    }

    @Override
    protected int graphBaseSize() {
        long shared = reference.find().filterKeep(data::contains).toList().size();
        return (int) Math.min(Integer.MAX_VALUE, (long) summary.size() + data.size() - shared);
    }
}
