package org.w3id.vlmsurvey.server.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.SurveyHead;
import org.w3id.vlmsurvey.graph.TripleCounts;

/**
 * The served dataset: the ontology and the survey data in the default graph of one transactional dataset,
 * in memory or in TDB2. {@link #replace} swaps in a new graph in a single write transaction, so a query
 * (which runs in a read transaction) sees either the old graph or the new one, never a mix.
 * <p>
 * A TDB2 store also keeps the {@link Fingerprint} of the build it holds, in the named graph
 * {@value #BUILD_GRAPH}, written in the same transaction as the data: a crash during a rebuild leaves the
 * previous data and its fingerprint.
 * <p>
 * The default graph is indexed for full-text search ({@link SurveyTextIndex}, {@code text:query}): the index is
 * rebuilt in the transaction of every {@link #replace}, kept in memory, or in {@code DIR/text} next to a TDB2 store.
 */
public final class SurveyStore {
    public static final String BUILD_GRAPH = "urn:x-vlm-survey:build";
    private static final Node BUILD = NodeFactory.createURI(BUILD_GRAPH);
    private static final Node SOURCE_SHA = NodeFactory.createURI("urn:x-vlm-survey:sourceSha256");
    private static final Node PROGRAM_SHA = NodeFactory.createURI("urn:x-vlm-survey:programSha256");

    /** The folder of the text index inside a TDB2 store's folder. */
    public static final String TEXT_FOLDER = "text";

    private final DatasetGraph base;
    private final SurveyTextIndex text;
    private final DatasetGraph dataset;
    /**
     * The in-memory store's view with the served history's versions beside it (linked, not copied), which binds each
     * transaction to the {@link ServedHistory} of the data it sees; null for TDB2 (the versions are copied into the store).
     */
    private final WithVersions linked;

    /**
     * The one reference to the {@link ServedHistory} snapshot, and the lock held (write) from the commit of a {@link
     * #replace} to the swap of the snapshot, and (read) while a read transaction of the in-memory store begins and
     * binds its snapshot ({@link WithVersions}): no transaction begins on the new data with the old history, or the
     * reverse.
     */
    static final class Holder {
        volatile ServedHistory served = ServedHistory.NONE;
        final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    }

    private final Holder holder;

    private SurveyStore(DatasetGraph base, SurveyTextIndex text, WithVersions linked, Holder holder) {
        this.base = base;
        this.text = text;
        this.dataset = text.dataset();
        this.linked = linked;
        this.holder = holder;
    }

    /**
     * A store in memory; a history's versions are served beside it as linked views ({@link WithVersions}): the heap
     * holds each distinct triple of the history once.
     */
    public static SurveyStore inMemory() {
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        Holder holder = new Holder();
        WithVersions linked = new WithVersions(base, () -> holder.served, holder.swap.readLock());
        return new SurveyStore(base, SurveyTextIndex.inMemory(linked), linked, holder);
    }

    public static SurveyStore tdb2(Path dir) {
        DatasetGraph base = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            // on disk, a history's versions are copied into the store (TDB2 answers its own queries)
            return new SurveyStore(base, SurveyTextIndex.inFolder(base, dir.resolve(TEXT_FOLDER)), null, new Holder());
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    /** The served dataset, with its text index (what Fuseki serves and pages query). */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** The store below the text index: the TxnMem or TDB2 dataset (for TDB2 maintenance such as compaction). */
    public DatasetGraph base() {
        return base;
    }

    /** The number of literals in the text index. */
    public int textDocuments() {
        return text.documents();
    }

    /**
     * Rebuilds the text index from the stored data unless it already is the index of {@code fingerprint}'s build
     * (a TDB2 store reused at start-up whose index is missing, older, or was left behind by a crash). Returns
     * whether it rebuilt.
     */
    public boolean reindexUnlessCurrent(Fingerprint fingerprint) {
        if (text.holds(fingerprint)) return false;
        Txn.executeWrite(dataset, () -> text.rebuildInTransaction(base, fingerprint));
        return true;
    }

    /**
     * Serves a history (from {@code history}) with the survey, from the next {@link #replace} on: its default graph
     * (versions, first and last listed) is added to the default graph, its versions are the named graphs.
     */
    public void history(DatasetGraph h) {
        holder.served = ServedHistory.of(h);
    }

    /**
     * Serves {@code h} instead of the history served so far (a refresh of {@code serve --history-git}): its newest
     * version, the versions' graphs and the text index replace the data in one write transaction, and the {@link
     * ServedHistory} snapshot (versions, changes, older versions' datasets, and the versions' graphs of the in-memory store)
     * is swapped as it commits. A query that started before (a read transaction) finishes on the previous state and
     * its snapshot; one that starts after sees the new data with the new snapshot. {@link IllegalArgumentException}
     * when {@code h} describes no version (nothing changes then).
     */
    public void replaceHistory(DatasetGraph h) {
        ServedHistory next = ServedHistory.of(h);
        if (next.versions() == null) throw new IllegalArgumentException("the history describes no version");
        replace(next.versions().newest(), null, next);
    }

    private volatile java.util.function.Supplier<RefreshStatus> refreshStatus = () -> null;

    /** Where the outcome of the last refresh of the history is read ({@link HistoryRefresh#status}). */
    public void refreshStatus(java.util.function.Supplier<RefreshStatus> status) {
        this.refreshStatus = status;
    }

    /** The outcome of the last refresh of the history, or null (no refresh yet, or none followed). */
    public RefreshStatus refreshStatus() {
        return refreshStatus.get();
    }

    /**
     * What is served of the history, one snapshot: read it once per request and take the versions and changes from
     * it, so that a page rendered while a refresh swaps the history shows one history. Inside a read transaction of
     * the in-memory store, the snapshot of the data that transaction sees.
     */
    public ServedHistory served() {
        ServedHistory bound = linked != null ? linked.bound() : null;
        return bound != null ? bound : holder.served;
    }

    /**
     * The dataset a reader page of version {@code v} of the snapshot {@code s} queries: the served dataset for the
     * newest version (or without a history); for an older one, a dataset of its own whose default graph is the
     * ontology, that version's data and the history's description of the versions, with its own text index (its context and author documents too, so
     * that search covers that version only, as it covers the newest), built when first asked for and kept among the {@value ServedHistory#OLDER_KEPT} most
     * recently used. Its context is the served dataset's (timeout, query policy, guards).
     */
    public DatasetGraph datasetAt(ServedHistory s, SurveyVersions.Version v) {
        SurveyVersions vs = s.versions();
        if (v == null || vs == null || v.equals(vs.latest())) return dataset;
        Map<Node, DatasetGraph> older = s.older();
        synchronized (older) {
            DatasetGraph d = older.get(v.iri());
            if (d != null) return d;
            DatasetGraph base = DatasetGraphFactory.createTxnMem();
            SurveyTextIndex index = SurveyTextIndex.inMemory(base);
            DatasetGraph indexed = index.dataset();
            Graph ontology = SurveyGraph.ontology();
            Graph data = vs.data(v);
            Txn.executeWrite(indexed, () -> {
                Graph dft = indexed.getDefaultGraph();
                ontology.find().forEachRemaining(dft::add);
                data.find().forEachRemaining(dft::add);
                vs.description().find().forEachRemaining(dft::add);
                dft.getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
                index.indexDerivedInTransaction(base); // context and author documents, as for the served version
            });
            indexed.getContext().putAll(dataset.getContext());
            index.bind(indexed.getContext()); // its own index, not the served one the context copied
            older.put(v.iri(), indexed);
            return indexed;
        }
    }

    /** The fingerprint of the build held, or null if there is none (new or in-memory store, or a history to add). */
    public Fingerprint fingerprint() {
        if (holder.served.history() != null) return null;
        return Txn.calculateRead(dataset, () -> {
            Graph g = dataset.getGraph(BUILD);
            Node s = value(g, SOURCE_SHA), p = value(g, PROGRAM_SHA);
            return s == null || p == null
                    ? null
                    : new Fingerprint(s.getLiteralLexicalForm(), p.getLiteralLexicalForm());
        });
    }

    private static Node value(Graph g, Node property) {
        return org.w3id.vlmsurvey.history.History.value(g, BUILD, property);
    }

    /** Replaces everything with the ontology plus {@code data}, and records the fingerprint, in one write transaction. */
    public void replace(Graph data, Fingerprint fingerprint) {
        replace(data, fingerprint, null);
    }

    /**
     * As above, with the history of {@code next} (null: the one served), whose snapshot is swapped in as the write
     * transaction commits, under the {@link Holder#swap} lock: a read transaction of the in-memory store begins either
     * before (old data, old snapshot) or after (new data, new snapshot). A failed transaction (aborted) leaves the
     * previous history served with its data.
     */
    private void replace(Graph data, Fingerprint fingerprint, ServedHistory next) {
        Graph ontology = SurveyGraph.ontology();
        DatasetGraph h = next != null ? next.history() : holder.served.history();
        dataset.begin(org.apache.jena.query.TxnType.WRITE);
        try {
            dataset.clear();
            text.clearInTransaction();
            Graph dft = dataset.getDefaultGraph();
            ontology.find().forEachRemaining(dft::add);
            data.find().forEachRemaining(dft::add);
            dft.getPrefixMapping().setNsPrefixes(data.getPrefixMapping());
            if (h != null) h.getDefaultGraph().find().forEachRemaining(dft::add);
            // in memory, the versions' graphs are beside the store (WithVersions, from the snapshot), below the text
            // index: search covers the served version only; on disk they are copied into it
            if (linked == null && h != null)
                h.listGraphNodes().forEachRemaining(g -> h.getGraph(g)
                        .find()
                        .forEachRemaining(t -> base.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
            if (fingerprint != null) {
                dataset.add(BUILD, BUILD, SOURCE_SHA, NodeFactory.createLiteralString(fingerprint.source()));
                dataset.add(BUILD, BUILD, PROGRAM_SHA, NodeFactory.createLiteralString(fingerprint.program()));
            }
            text.indexDerivedInTransaction(base);
            text.recordInTransaction(fingerprint);
            Lock swapping = holder.swap.writeLock();
            swapping.lock();
            try {
                dataset.commit();
                committed.run();
                if (next != null) holder.served = next;
            } finally {
                swapping.unlock();
            }
        } catch (RuntimeException | Error e) {
            if (dataset.isInTransaction()) dataset.abort();
            throw e;
        } finally {
            dataset.end();
        }
        // TDB2 appends: every rebuild would leave the previous graph's space behind (73 MB grew to 489 MB over
        // 8 rebuilds). Compacting writes the live data into a fresh generation and deletes the old one. A read
        // transaction open across the switch fails ("Not in a transaction"), so compaction waits for the requests
        // that hold read access (see readAccess) and holds new ones back until it is done.
        if (DatabaseMgr.isTDB2(base)) {
            access.writeLock().lock();
            try {
                DatabaseMgr.compact(base, true);
            } finally {
                access.writeLock().unlock();
            }
        }
    }

    /** Run between the commit of a {@link #replace} and the swap of the snapshot (a test's hook; nothing by default). */
    private volatile Runnable committed = () -> {};

    /** Sets the hook run between the commit of a {@link #replace} and the swap of the snapshot (tests). */
    void afterCommit(Runnable hook) {
        this.committed = hook;
    }

    /** Whether {@code t} waits to begin a read transaction until a swap is done (tests). */
    boolean waitsForSwap(Thread t) {
        return holder.swap.hasQueuedThread(t);
    }

    private final ReentrantReadWriteLock access = new ReentrantReadWriteLock(true);

    /** Held by every request that reads the dataset, so that a TDB2 compaction never runs under a reader. */
    public Lock readAccess() {
        return access.readLock();
    }

    /** Counts of the served default graph, for the start-up line and the VoID description. */
    /**
     * The source of the graph served: its name, the SHA-256 of its bytes, what its README says of the survey
     * ({@link SurveyHead}) and when it was loaded; null before the first load.
     */
    public record Loaded(String name, String digest, SurveyHead head, java.time.Instant at) {}

    private volatile Loaded loaded;

    /** The source of the graph served, or null before the first load. */
    public Loaded loaded() {
        return loaded;
    }

    /** Records the source of the graph now served (by {@link SurveyLoader}). */
    void loaded(Loaded l) {
        this.loaded = l;
    }

    public record Counts(long triples, long papers, long datasets) {}

    /** What the served triples are: data, ontology, {@code links} (as parsed from the source's snapshot). */
    public TripleCounts tripleCounts(Graph links) {
        return Txn.calculateRead(dataset, () -> TripleCounts.ofServed(dataset.getDefaultGraph(), links));
    }

    public Counts counts() {
        return Txn.calculateRead(
                dataset,
                () -> new Counts(
                        dataset.getDefaultGraph().size(),
                        count("https://w3id.org/vlm-survey/ontology#Paper"),
                        count("https://w3id.org/vlm-survey/ontology#Dataset")));
    }

    private long count(String cls) {
        String q = "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a <" + cls + "> }";
        try (QueryExec qe = QueryExec.dataset(dataset).query(q).build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    public void close() {
        dataset.close(); // closes the base dataset and the text index
        if (DatabaseMgr.isTDB2(base)) org.apache.jena.tdb2.sys.TDBInternal.expel(base);
    }
}
