package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/**
 * The versions of a history stored once: every distinct triple held one time, with the set of versions it holds in
 * (a bit per version, oldest first). Version {@code i} is a read-only {@link Graph} view ({@link #version}) of the
 * triples whose bit {@code i} is set: nothing is copied, a SPARQL query over one version reads the shared triples.
 * <p>
 * Written and read as <em>change sets</em> ({@link #changeSets}, {@link Reader}): the newest version in full, in the
 * named graph of its IRI (it is the one served), and for each version but the oldest, the triples it added to the
 * version before it in the graph {@code <IRI/added>} and those it removed in {@code <IRI/removed>}. The older versions
 * follow backwards: version {@code i-1} is version {@code i} less its added triples plus its removed ones. The full
 * form written before (one named graph per version, each in full) is read as well.
 */
public final class VersionedTriples {
    /** The suffixes of a version's change-set graphs, appended to the version's IRI. */
    public static final String ADDED = "/added", REMOVED = "/removed";

    /**
     * The graph of the newest version of several surveys merged ({@link Histories#NEWEST}, named here so that the
     * reader, {@link History} and {@link Histories} share it without a cycle): read and served as it is written.
     */
    static final Node NEWEST_MERGED = NodeFactory.createURI(org.w3id.vlmsurvey.vocab.VLM.VERSION + "newest");

    private final List<Node> versions;
    /** Every distinct triple, indexed for find, each a {@link Held} with the versions it holds in. */
    private final Graph all = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();

    private final PrefixMapping prefixes;
    private final List<Graph> views = new ArrayList<>();

    /**
     * A triple as stored: with the versions it holds in (a find over the store gives these objects back), and the
     * store it is of (its versions are not another store's: a triple found in one history and looked up in another).
     */
    private static final class Held extends Triple {
        private static final long serialVersionUID = 1L;
        final BitSet in;
        final transient VersionedTriples of;

        Held(Triple t, BitSet in, VersionedTriples of) {
            super(t.getSubject(), t.getPredicate(), t.getObject());
            this.in = in;
            this.of = of;
        }
    }

    private VersionedTriples(List<Node> versions, Map<Triple, BitSet> holds, PrefixMapping prefixes) {
        this.versions = List.copyOf(versions);
        this.prefixes = prefixes;
        long[] sizes = new long[versions.size()];
        holds.forEach((t, in) -> {
            if (in.isEmpty()) return;
            all.add(new Held(t, in, this));
            in.stream().forEach(i -> sizes[i]++);
        });
        for (int i = 0; i < versions.size(); i++) views.add(new VersionGraph(i, sizes[i]));
    }

    /** The versions a stored triple holds in (the stored object, or the one equal to it); empty if none. */
    private BitSet in(Triple t) {
        if (t instanceof Held h && h.of == this) return h.in;
        // by subject and predicate: a find of a whole triple may answer with the triple asked for, not the one stored
        var it = all.find(t.getSubject(), t.getPredicate(), Node.ANY);
        try {
            while (it.hasNext()) if (it.next() instanceof Held h && h.equals(t) && h.of == this) return h.in;
            return new BitSet();
        } finally {
            it.close();
        }
    }

    /** The versions' graphs, by the versions' IRIs (oldest first); equal graphs may be the same object. */
    public static VersionedTriples of(List<Node> versions, List<Graph> graphs) {
        Map<Triple, BitSet> holds = new HashMap<>();
        PrefixMapping prefixes = new PrefixMappingImpl();
        Map<Graph, BitSet> same = new java.util.IdentityHashMap<>();
        for (int i = 0; i < graphs.size(); i++)
            same.computeIfAbsent(graphs.get(i), g -> new BitSet()).set(i);
        same.forEach((g, in) -> {
            prefixes.setNsPrefixes(g.getPrefixMapping());
            g.find().forEachRemaining(t -> holds.computeIfAbsent(t, x -> new BitSet())
                    .or(in));
        });
        return new VersionedTriples(versions, holds, prefixes);
    }

    /** The versions' IRIs, oldest first. */
    public List<Node> versions() {
        return versions;
    }

    /** Version {@code i} (0 = oldest) as a read-only view. */
    public Graph version(int i) {
        return views.get(i);
    }

    /** How many distinct triples the versions hold together. */
    public long distinct() {
        return all.size();
    }

    /** The name of the graph of the triples version {@code version} added to the one before it. */
    public static Node added(Node version) {
        return NodeFactory.createURI(version.getURI() + ADDED);
    }

    /** The name of the graph of the triples version {@code version} removed from the one before it. */
    public static Node removed(Node version) {
        return NodeFactory.createURI(version.getURI() + REMOVED);
    }

    /**
     * The change-set form, added to {@code out}: the newest version in full in the graph of its IRI, and the added and
     * removed graphs of every version but the oldest (an empty change set is no graph).
     */
    public void changeSets(DatasetGraph out) {
        int n = versions.size();
        if (n == 0) return;
        Node newest = versions.get(n - 1);
        all.find().forEachRemaining(t -> {
            BitSet in = in(t);
            if (in.get(n - 1)) out.add(newest, t.getSubject(), t.getPredicate(), t.getObject());
            for (int i = 1; i < n; i++) {
                boolean now = in.get(i), before = in.get(i - 1);
                if (now == before) continue;
                Node g = now ? added(versions.get(i)) : removed(versions.get(i));
                out.add(g, t.getSubject(), t.getPredicate(), t.getObject());
            }
        });
    }

    /** The prefixes of the versions' graphs. */
    public PrefixMapping prefixes() {
        return prefixes;
    }

    /** One version: the triples of {@link #all} whose bit is set. Read-only. */
    private final class VersionGraph extends GraphBase {
        private final int index;
        private final long size;

        VersionGraph(int index, long size) {
            this.index = index;
            this.size = size;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            return all.find(pattern).filterKeep(t -> in(t).get(index));
        }

        @Override
        protected boolean graphBaseContains(Triple t) {
            if (!t.isConcrete()) return super.graphBaseContains(t);
            return in(t).get(index);
        }

        @Override
        protected int graphBaseSize() {
            return (int) size;
        }

        @Override
        protected PrefixMapping createPrefixMapping() {
            return prefixes;
        }
    }

    /**
     * Reads quads (of the change-set form or the full form), keeping each distinct triple once with the graphs it is
     * in, then {@link #finish} orders them by the versions the description names. The default graph's triples are the
     * description; a named graph that is neither a version nor a version's change set is an error.
     */
    public static final class Reader {
        private final String name;
        private final Map<Triple, BitSet> in = new HashMap<>();
        private final Map<Node, Integer> graphs = new LinkedHashMap<>();
        private final Graph description = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        /** The graph {@link Histories#NEWEST} of several surveys' histories (no version: kept as it is). */
        private final Graph newest = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();

        private final PrefixMapping prefixes = new PrefixMappingImpl();

        /** A reader of the file or cache named {@code name} (in its messages). */
        public Reader(String name) {
            this.name = name;
        }

        public void prefix(String prefix, String iri) {
            prefixes.setNsPrefix(prefix, iri);
        }

        public void quad(Quad q) {
            Triple t = q.asTriple();
            if (q.isDefaultGraph() || q.getGraph() == null) {
                description.add(t);
                return;
            }
            if (q.getGraph().equals(NEWEST_MERGED)) {
                newest.add(t);
                return;
            }
            int g = graphs.computeIfAbsent(q.getGraph(), x -> graphs.size());
            in.computeIfAbsent(t, x -> new BitSet()).set(g);
        }

        /**
         * What was read, as it was (for a file whose description names no version: it is no history, and is
         * served or queried as the plain dataset it is).
         */
        public DatasetGraph asRead() {
            DatasetGraph ds = DatasetGraphFactory.create();
            description.find().forEachRemaining(ds.getDefaultGraph()::add);
            Node[] names = graphs.keySet().toArray(new Node[0]);
            in.forEach((t, gs) -> gs.stream().forEach(g -> ds.add(Quad.create(names[g], t))));
            newest.find().forEachRemaining(t -> ds.add(Quad.create(NEWEST_MERGED, t)));
            ds.prefixes().putAll(prefixes);
            return ds;
        }

        /**
         * The graph {@link Histories#NEWEST} read (the newest version of several surveys merged), or null when there
         * is none (the history of one survey).
         */
        public Graph newest() {
            return newest.isEmpty() ? null : newest;
        }

        /** The description of the versions read (the default graph). */
        public Graph description() {
            return description;
        }

        /**
         * The versions read, {@code versions} (the IRIs the description names, oldest first) in the order given: each
         * triple's graphs turned into the versions it holds in. Several surveys' histories are several revision chains
         * one after the other (a version that revises none starts one): each chain's newest version is given in full,
         * and its older versions follow from their change sets.
         */
        public VersionedTriples finish(List<Node> versions) {
            int n = versions.size();
            Map<Node, Integer> version = new HashMap<>();
            for (int i = 0; i < n; i++) version.put(versions.get(i), i);
            // the newest version of each revision chain: the last, or one the next version does not revise
            boolean[] newestOfChain = new boolean[n];
            for (int i = 0; i < n; i++)
                newestOfChain[i] =
                        i == n - 1 || !description.contains(versions.get(i + 1), Prov.WAS_REVISION_OF, Node.ANY);
            int[] full = new int[n], added = new int[n], removed = new int[n];
            java.util.Arrays.fill(full, -1);
            java.util.Arrays.fill(added, -1);
            java.util.Arrays.fill(removed, -1);
            boolean changeSets = false;
            for (Map.Entry<Node, Integer> e : graphs.entrySet()) {
                Node g = e.getKey();
                String iri = g.isURI() ? g.getURI() : "";
                Integer v = version.get(g);
                if (v != null) full[v] = e.getValue();
                else if (iri.endsWith(ADDED) && (v = version.get(base(iri, ADDED))) != null && v > 0) {
                    added[v] = e.getValue();
                    changeSets = true;
                } else if (iri.endsWith(REMOVED) && (v = version.get(base(iri, REMOVED))) != null && v > 0) {
                    removed[v] = e.getValue();
                    changeSets = true;
                } else
                    throw new SourceException(Problem.error(
                            name,
                            0,
                            "the named graph " + g + " is neither a version the history describes nor a version's"
                                    + " change set (<VERSION" + ADDED + ">, <VERSION" + REMOVED
                                    + ">, not for the oldest version)"));
            }
            if (changeSets)
                for (int i = 0; i < n - 1; i++)
                    if (full[i] >= 0 && !newestOfChain[i])
                        throw new SourceException(Problem.error(
                                name,
                                0,
                                "the version " + versions.get(i) + " is given in full and by change sets: only the"
                                        + " newest version is given in full"));
            Map<Triple, BitSet> holds = new HashMap<>();
            for (Map.Entry<Triple, BitSet> e : in.entrySet()) {
                BitSet gs = e.getValue(), vs = new BitSet(n);
                if (changeSets) {
                    // backwards from each chain's newest: the version before holds it unless added here, or if removed
                    // here
                    boolean present = false;
                    for (int i = n - 1; i >= 0; i--) {
                        if (newestOfChain[i]) present = full[i] >= 0 && gs.get(full[i]);
                        if (present) vs.set(i);
                        if (i == 0) break;
                        if (added[i] >= 0 && gs.get(added[i])) present = false;
                        if (removed[i] >= 0 && gs.get(removed[i])) present = true;
                    }
                } else for (int i = 0; i < n; i++) if (full[i] >= 0 && gs.get(full[i])) vs.set(i);
                holds.put(e.getKey(), vs);
            }
            in.clear();
            return new VersionedTriples(versions, holds, prefixes);
        }

        private static Node base(String iri, String suffix) {
            return NodeFactory.createURI(iri.substring(0, iri.length() - suffix.length()));
        }
    }

    /**
     * The history as served: the description as the default graph, each version a named graph (the view of
     * {@link #version}, by the version's IRI), linked, not copied.
     */
    public DatasetGraph dataset(Graph description) {
        DatasetGraph ds = DatasetGraphFactory.createGeneral();
        description.find().forEachRemaining(ds.getDefaultGraph()::add);
        ds.prefixes().putAll(prefixes);
        for (int i = 0; i < versions.size(); i++) ds.addGraph(versions.get(i), views.get(i));
        return ds;
    }
}
