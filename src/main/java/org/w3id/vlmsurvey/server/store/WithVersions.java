package org.w3id.vlmsurvey.server.store;

import java.util.Iterator;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * The store with the named graphs of a served history beside its own, linked, not copied: a version's graph (a
 * read-only view of the history's triples, each stored once) is found by its name, listed with the store's graphs and
 * matched by quad patterns, so {@code GRAPH ?version { ... }} reads every version. Everything else, the default graph,
 * writes and transactions, is the store's. The history is the one of the store's {@link ServedHistory} snapshot:
 * a transaction binds the snapshot current when it begins, and keeps it to its end, so a query in flight when a
 * refresh swaps the history finishes on the old versions with the old data; a read transaction begins under {@code
 * beginning} (the store's swap lock, read), so it never begins between the commit of new data and the swap of the
 * snapshot. Outside a transaction, the current snapshot. A query runs over this dataset, not the one below it
 * ({@link DatasetGraphWrapperView}).
 */
final class WithVersions extends DatasetGraphWrapper implements DatasetGraphWrapperView {
    private final Supplier<ServedHistory> current;
    private final Lock beginning;
    private final ThreadLocal<ServedHistory> bound = new ThreadLocal<>();

    WithVersions(DatasetGraph store, Supplier<ServedHistory> current, Lock beginning) {
        super(store);
        this.current = current;
        this.beginning = beginning;
    }

    /** The snapshot bound to this thread's transaction, or null outside one. */
    ServedHistory bound() {
        return bound.get();
    }

    private DatasetGraph history() {
        ServedHistory s = bound.get();
        return (s != null ? s : current.get()).history();
    }

    @Override
    public void begin(TxnType type) {
        if (type == TxnType.WRITE) {
            // a writer begins after the previous writer's commit and swap: the current snapshot is its data's
            super.begin(type);
            bound.set(current.get());
            return;
        }
        beginning.lock();
        try {
            super.begin(type);
            bound.set(current.get());
        } finally {
            beginning.unlock();
        }
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public void end() {
        try {
            super.end();
        } finally {
            bound.remove();
        }
    }

    /** The history when it has a graph named {@code g} (a concrete name), else null. */
    private DatasetGraph holding(Node g) {
        DatasetGraph h = history();
        return h != null && g != null && g.isConcrete() && !Quad.isDefaultGraph(g) && h.containsGraph(g) ? h : null;
    }

    private static boolean anyNamed(Node g) {
        return g == null || Node.ANY.equals(g) || g.isVariable();
    }

    @Override
    public Graph getGraph(Node g) {
        DatasetGraph h = holding(g);
        return h != null ? h.getGraph(g) : super.getGraph(g);
    }

    @Override
    public Graph getUnionGraph() {
        return GraphView.createUnionGraph(this);
    }

    @Override
    public boolean containsGraph(Node g) {
        return holding(g) != null || super.containsGraph(g);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        DatasetGraph h = history();
        return h == null ? super.listGraphNodes() : Iter.concat(super.listGraphNodes(), h.listGraphNodes());
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad q) {
        return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        DatasetGraph h = holding(g);
        if (h != null) return h.find(g, s, p, o);
        if (g != null && Quad.isUnionGraph(g) && history() != null)
            return getUnionGraph().find(s, p, o).mapWith(t -> Quad.create(Quad.unionGraph, t));
        DatasetGraph all = history();
        if (all == null || !anyNamed(g)) return super.find(g, s, p, o);
        return Iter.concat(super.find(g, s, p, o), all.findNG(Node.ANY, s, p, o));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        DatasetGraph h = holding(g);
        if (h != null) return h.findNG(g, s, p, o);
        DatasetGraph all = history();
        if (all == null || !anyNamed(g)) return super.findNG(g, s, p, o);
        return Iter.concat(super.findNG(g, s, p, o), all.findNG(Node.ANY, s, p, o));
    }

    @Override
    public boolean contains(Quad q) {
        return contains(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        Iterator<Quad> it = find(g, s, p, o);
        try {
            return it.hasNext();
        } finally {
            Iter.close(it);
        }
    }

    @Override
    public boolean isEmpty() {
        return !find().hasNext();
    }

    @Override
    public long size() {
        DatasetGraph h = history();
        return super.size() + (h == null ? 0 : Iter.count(h.listGraphNodes()));
    }
}
