package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The survey's history: every version built by {@link SurveyGraph} (the one mapping), as one named graph per
 * version (each distinct triple stored once, {@link VersionedTriples}; written as change sets, {@link #changeSets}),
 * and a default graph describing the versions ({@code vlm:SurveyVersion}) and, for each paper, dataset
 * and method category, the first and last version that listed it.
 * <p>
 * Equal contents (the same git blob id) are built once and their graph reused. Distinct contents are built in
 * parallel. A version that cannot be built, or whose graph has errors, is skipped with its problems; the history
 * goes on, and the next version is a revision of the last one built.
 */
public final class History {
    static final Node PROV_ENTITY = Prov.ENTITY;
    static final Node WAS_REVISION_OF = Prov.WAS_REVISION_OF;

    /** The classes whose resources get {@code vlm:firstListedIn} and {@code vlm:lastListedIn}. */
    static final List<Node> LISTED = List.of(VLM.Paper.asNode(), VLM.Dataset.asNode(), VLM.MethodCategory.asNode());

    /** What a version holds. Entries are the listings: one per table row or list item naming a paper or dataset. */
    public record Counts(long papers, long datasets, long categories, long entries) {}

    /** A version that was built: its data graph (shared with the other versions of equal content). */
    public record Version(Snapshot snapshot, Graph data, Counts counts, List<Problem> warnings, boolean reused) {}

    /**
     * A version that was not built, with the problems why. {@code noEntriesYet}: it has headings and no paper or
     * dataset yet (a commit before the first version built, with no problem saying why): reported, not an error.
     */
    public record Skipped(Snapshot snapshot, List<Problem> problems, boolean noEntriesYet) {
        public Skipped(Snapshot snapshot, List<Problem> problems) {
            this(snapshot, problems, false);
        }
    }

    /**
     * A resource that {@code newer} lists under another IRI than {@code older} (the last version that listed it):
     * the match, its changes (renamed, relinked, changed fields: {@link Diff}) and its source line in each version.
     */
    public record Identified(
            Snapshot older,
            Snapshot newer,
            Identity.Match match,
            List<Diff.Change> changes,
            long olderLine,
            long newerLine) {}

    private final List<Version> versions;
    private final List<Skipped> skipped;
    private final int distinct;
    private final List<Identified> identified;
    private final Map<Node, Node> canonical;

    private History(
            List<Version> versions,
            List<Skipped> skipped,
            int distinct,
            List<Identified> identified,
            Map<Node, Node> canonical) {
        this.versions = List.copyOf(versions);
        this.skipped = List.copyOf(skipped);
        this.distinct = distinct;
        this.identified = List.copyOf(identified);
        this.canonical = Map.copyOf(canonical);
    }

    /** The resources matched across IRIs, in the order of the versions that relisted them. */
    public List<Identified> identified() {
        return identified;
    }

    /**
     * Every former IRI of a paper or dataset mapped to the one IRI the history gives it (the IRI of its latest
     * listing); the versions' graphs use that IRI only.
     */
    public Map<Node, Node> formerIris() {
        return canonical;
    }

    /** The IRI the history gives a resource: itself, or the latest IRI of a resource it was a former IRI of. */
    public Node canonical(Node iri) {
        return canonical.getOrDefault(iri, iri);
    }

    /**
     * The sequence number of a version built (1 for the oldest): versions made on the same day, or at the same
     * second, are still ordered. Also in the dataset as {@code vlm:sequenceNumber}.
     */
    public int sequence(Version v) {
        int i = versions.indexOf(v);
        if (i < 0)
            throw new IllegalArgumentException(
                    "not a version of this history: " + v.snapshot().name());
        return i + 1;
    }

    /** The skipped versions that are errors (not those with no entry yet). */
    public List<Skipped> errors() {
        return skipped.stream().filter(s -> !s.noEntriesYet()).toList();
    }

    /** The versions built, oldest first. */
    public List<Version> versions() {
        return versions;
    }

    /** The versions skipped, oldest first. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** How many distinct contents were mapped (the other versions reused one of them). */
    public int mapped() {
        return distinct;
    }

    /** The outcome of building one content; {@code empty}: no entries and no problem saying why. */
    private record Built(SurveyGraph.Result result, Problem failure, Counts counts, boolean empty) {}

    /** Builds every snapshot (given oldest first) with up to {@code threads} builds at a time, each on one thread. */
    public static History build(List<Snapshot> snapshots, int threads) {
        Map<String, Snapshot> firstOfBlob = new LinkedHashMap<>();
        for (Snapshot s : snapshots) firstOfBlob.putIfAbsent(s.blob(), s);
        Map<String, Built> built = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, firstOfBlob.size())), r -> {
            Thread t = new Thread(r, "vlm-survey-history");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Built>> futures = new LinkedHashMap<>();
            firstOfBlob.forEach((blob, s) -> futures.put(blob, pool.submit(() -> buildOne(s))));
            for (Map.Entry<String, Future<Built>> e : futures.entrySet())
                built.put(e.getKey(), e.getValue().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the history", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Version> versions = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Snapshot s : snapshots) {
            Built b = built.get(s.blob());
            boolean reused = !seen.add(s.blob());
            if (b.failure() != null) {
                skipped.add(new Skipped(s, List.of(rename(b.failure(), s.name())), b.empty() && versions.isEmpty()));
            } else if (b.result().hasErrors()) {
                skipped.add(new Skipped(
                        s,
                        b.result().problems().stream()
                                .filter(Problem::isError)
                                .map(p -> rename(p, s.name()))
                                .toList()));
            } else {
                versions.add(new Version(
                        s,
                        b.result().data(),
                        b.counts(),
                        b.result().problems().stream()
                                .map(p -> rename(p, s.name()))
                                .toList(),
                        reused));
            }
        }
        return identify(versions, skipped, firstOfBlob.size());
    }

    /**
     * Matches the resources across versions ({@link Identity}): a resource newly listed is matched against every
     * resource listed before and not listed now (so a paper that comes back under a new link after a gap is one
     * paper), with its keys in the last version that listed it. The matched IRIs of a resource are replaced, in every
     * version's graph, by its latest IRI.
     */
    private static History identify(List<Version> built, List<Skipped> skipped, int distinct) {
        Map<Node, Node> parent = new HashMap<>();
        Map<Node, Node> classOf = new HashMap<>();
        Map<Node, Identity.Keys> lastKeys = new HashMap<>();
        Map<Node, Integer> lastVersion = new HashMap<>();
        List<Identified> identified = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            Graph g = built.get(i).data();
            for (Node cls : Identity.MATCHED) {
                Set<Node> now = Identity.subjects(g, cls);
                Set<Node> presentRoots = new HashSet<>();
                for (Node n : now) if (parent.containsKey(n)) presentRoots.add(find(parent, n));
                // one candidate per resource no longer listed: the IRI it was listed under last, with its keys there
                Map<Node, Node> latestOfRoot = new HashMap<>();
                lastKeys.keySet().forEach(n -> {
                    Node root = find(parent, n);
                    if (!cls.equals(classOf.get(n)) || presentRoots.contains(root)) return;
                    latestOfRoot.merge(root, n, (a, b) -> later(lastVersion, a, b));
                });
                Map<Node, Identity.Keys> removed =
                        new java.util.TreeMap<>(java.util.Comparator.comparing(Node::toString));
                for (Node n : latestOfRoot.values()) removed.put(n, lastKeys.get(n));
                Map<Node, Identity.Keys> added = new LinkedHashMap<>();
                for (Node n : now) if (!parent.containsKey(n)) added.put(n, Identity.keys(g, n, cls));
                List<Identity.Match> matches =
                        removed.isEmpty() || added.isEmpty() ? List.of() : Identity.match(cls, removed, added);
                for (Identity.Match m : matches) {
                    Version older = built.get(lastVersion.get(m.older()));
                    List<Diff.Change> changes = Diff.between(older.data(), g, List.of(m)).stream()
                            .filter(c -> m.older().equals(c.formerIri()))
                            .toList();
                    identified.add(new Identified(
                            older.snapshot(),
                            built.get(i).snapshot(),
                            m,
                            changes,
                            line(older.data(), m.older()),
                            line(g, m.newer())));
                }
                for (Node n : now) {
                    parent.putIfAbsent(n, n);
                    classOf.put(n, cls);
                }
                for (Identity.Match m : matches) parent.put(find(parent, m.newer()), find(parent, m.older()));
                for (Node n : now) {
                    lastKeys.put(n, added.containsKey(n) ? added.get(n) : Identity.keys(g, n, cls));
                    lastVersion.put(n, i);
                }
            }
        }
        // the IRI of each group: the member listed last (ties: the greatest IRI, which cannot happen for members
        // matched as removed and added)
        Map<Node, Node> best = new HashMap<>();
        for (Node n : parent.keySet()) best.merge(find(parent, n), n, (a, b) -> later(lastVersion, a, b));
        Map<Node, Node> canonical = new HashMap<>();
        for (Node n : parent.keySet()) {
            Node c = best.get(find(parent, n));
            if (!c.equals(n)) canonical.put(n, c);
        }
        List<Version> versions = new ArrayList<>();
        Map<Graph, Graph> rewritten = new java.util.IdentityHashMap<>();
        for (Version v : built)
            versions.add(new Version(
                    v.snapshot(),
                    rewritten.computeIfAbsent(v.data(), g -> rewrite(g, canonical)),
                    v.counts(),
                    v.warnings(),
                    v.reused()));
        return new History(versions, skipped, distinct, identified, canonical);
    }

    /** Of two IRIs of one resource, the one listed last (the greater IRI when both are listed last). */
    private static Node later(Map<Node, Integer> lastVersion, Node a, Node b) {
        int c = Integer.compare(lastVersion.get(a), lastVersion.get(b));
        return c > 0 || (c == 0 && a.toString().compareTo(b.toString()) > 0) ? a : b;
    }

    private static Node find(Map<Node, Node> parent, Node n) {
        Node p = parent.get(n);
        while (p != null && !p.equals(n)) {
            n = p;
            p = parent.get(n);
        }
        return n;
    }

    /** The first source line of a resource in a graph, or 0. */
    static long line(Graph g, Node r) {
        long best = 0;
        var it = g.find(r, VLM.sourceLine.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral() && o.getLiteralValue() instanceof Number n && (best == 0 || n.longValue() < best))
                best = n.longValue();
        }
        return best;
    }

    /** The graph with each former IRI replaced by the resource's IRI; the graph itself when it has none. */
    private static Graph rewrite(Graph g, Map<Node, Node> canonical) {
        if (canonical.isEmpty()) return g;
        boolean any = false;
        for (Node n : canonical.keySet())
            if (g.contains(n, Node.ANY, Node.ANY)) {
                any = true;
                break;
            }
        if (!any) return g;
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        g.find()
                .forEachRemaining(t -> out.add(
                        canonical.getOrDefault(t.getSubject(), t.getSubject()),
                        t.getPredicate(),
                        canonical.getOrDefault(t.getObject(), t.getObject())));
        return out;
    }

    private static Built buildOne(Snapshot s) {
        try {
            // one thread per version: the versions are built side by side already, no second pool on top
            SurveyGraph.Result r = SurveyGraph.build(SurveyGraph.Snapshot.of(s.name(), s.content()), 1, null);
            // Keep the data only: the mapping's working graph is not needed any more.
            SurveyGraph.Result kept =
                    new SurveyGraph.Result(r.file(), r.data(), r.problems(), Graph.emptyGraph, r.links());
            return new Built(kept, null, counts(r.data()), false);
        } catch (SurveyGraph.NoEntries e) {
            return new Built(null, e.problem(), null, !e.explained());
        } catch (SourceException e) {
            return new Built(null, e.problem(), null, false);
        } catch (RuntimeException e) {
            return new Built(null, Problem.error(s.name(), 0, "cannot be mapped: " + e), null, false);
        }
    }

    private static Problem rename(Problem p, String name) {
        return p.file().equals(name) ? p : p.inFile(name);
    }

    /** The counts of one version's data; entries are its {@code vlm:SurveyEntry} resources (one per listing). */
    public static Counts counts(Graph data) {
        return new Counts(
                count(data, VLM.Paper.asNode()),
                count(data, VLM.Dataset.asNode()),
                count(data, VLM.MethodCategory.asNode()),
                count(data, VLM.SurveyEntry.asNode()));
    }

    private static long count(Graph g, Node cls) {
        return g.find(Node.ANY, RDF.type.asNode(), cls).toList().size();
    }

    /** The version graph of the latest version built, or null when none was built. */
    public Version latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /**
     * The history as a dataset: one named graph per version (named by the version's IRI; a read-only view of the
     * versions' triples, each distinct triple stored once: {@link VersionedTriples}) and the default graph describing
     * the versions and when each paper, dataset and method category was first and last listed ({@link #description}).
     */
    public DatasetGraph dataset() {
        return dataset(null);
    }

    /**
     * The history of one of several surveys as a dataset ({@link #dataset()} when {@code survey} is null: one survey
     * alone). {@code survey} is the survey's IRI ({@link Surveys#iris}); every version says it is a version of it
     * ({@code dcterms:isVersionOf}). The first survey's versions, resources and listing intervals keep the IRIs of
     * {@link #dataset()}; a later survey's versions are {@code version/<slug>/<id>} ({@link Snapshot#iri(String)}),
     * its resources are in its namespace ({@link Surveys#inSurvey(Graph, String)}) and its listing intervals are
     * {@code #listed-<slug>-N}, so that nothing of two surveys shares an IRI but the papers, datasets... they share.
     */
    public DatasetGraph dataset(String survey) {
        if (survey == null) return triples().dataset(description());
        List<Graph> data = data(survey);
        return triples(survey, data).dataset(description(survey, data));
    }

    /**
     * The history as written ({@code history -o FILE.trig}) and cached: the default graph of {@link #description}, the
     * newest version in full and every other version as the change set from the version before it
     * ({@link VersionedTriples#changeSets}).
     */
    public DatasetGraph changeSets() {
        return changeSets(null);
    }

    /** {@link #changeSets()} of this history as one of several surveys' ({@link #dataset(String)}'s IRIs). */
    public DatasetGraph changeSets(String survey) {
        List<Graph> data = data(survey);
        DatasetGraph ds = DatasetGraphFactory.create();
        description(survey, data).find().forEachRemaining(ds.getDefaultGraph()::add);
        (survey == null ? triples() : triples(survey, data)).changeSets(ds);
        return ds;
    }

    private VersionedTriples triples;

    /** The versions' triples, each distinct triple once (built when first asked for). */
    public synchronized VersionedTriples triples() {
        if (triples == null) triples = triples(null, data(null));
        return triples;
    }

    private VersionedTriples triples(String survey, List<Graph> data) {
        return VersionedTriples.of(
                versions.stream().map(v -> v.snapshot().iri(survey)).toList(), data);
    }

    /**
     * Each version's data: as built for one survey alone ({@code survey} null), else moved into {@code survey}'s
     * namespace ({@link Surveys#inSurvey(Graph, String)}; a graph shared by equal versions moved once, still shared).
     */
    private List<Graph> data(String survey) {
        if (survey == null) return versions.stream().map(Version::data).toList();
        Map<Graph, Graph> moved = new java.util.IdentityHashMap<>();
        return versions.stream()
                .map(v -> moved.computeIfAbsent(v.data(), g -> Surveys.inSurvey(g, survey)))
                .toList();
    }

    /** The versions described, and when each paper, dataset and method category was first and last listed. */
    public Graph description() {
        return description(null, data(null));
    }

    /** {@link #description()} of this history as one of several surveys' ({@link #dataset(String)}). */
    private Graph description(String survey, List<Graph> moved) {
        Graph dft = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        String slug = survey == null ? null : Surveys.slug(survey);
        java.util.function.Function<Node, Node> move = n -> survey == null ? n : Surveys.move(n, survey);
        // each resource's listing intervals: [first index, last index] of consecutive versions listing it
        Map<Node, List<int[]>> intervals = new LinkedHashMap<>();
        Node previous = null;
        for (int i = 0; i < versions.size(); i++) {
            Version v = versions.get(i);
            Node iri = v.snapshot().iri(survey);
            Graph data = moved.get(i);
            describe(dft, v, iri, previous, i + 1);
            if (survey != null) dft.add(iri, DCTerms.isVersionOf.asNode(), NodeFactory.createURI(survey));
            int index = i;
            for (Node cls : LISTED)
                data.find(Node.ANY, RDF.type.asNode(), cls).forEachRemaining(t -> {
                    List<int[]> runs = intervals.computeIfAbsent(t.getSubject(), x -> new ArrayList<>());
                    int[] lastRun = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                    if (lastRun != null && lastRun[1] == index) return;
                    if (lastRun != null && lastRun[1] == index - 1) lastRun[1] = index;
                    else runs.add(new int[] {index, index});
                });
            previous = iri;
        }
        intervals.forEach((s, runs) -> {
            dft.add(s, VLM.firstListedIn.asNode(), iri(runs.get(0)[0], survey));
            dft.add(s, VLM.lastListedIn.asNode(), iri(runs.get(runs.size() - 1)[1], survey));
            for (int k = 0; k < runs.size(); k++) {
                int[] run = runs.get(k);
                Node interval =
                        NodeFactory.createURI(s.getURI() + "#listed-" + (slug == null ? "" : slug + "-") + (k + 1));
                dft.add(s, VLM.listing.asNode(), interval);
                dft.add(interval, RDF.type.asNode(), VLM.ListingInterval.asNode());
                dft.add(interval, VLM.listedFrom.asNode(), iri(run[0], survey));
                dft.add(interval, VLM.listedUntil.asNode(), iri(run[1], survey));
                if (run[1] + 1 < versions.size()) dft.add(interval, VLM.unlistedIn.asNode(), iri(run[1] + 1, survey));
            }
        });
        canonical.forEach((former, iri) -> dft.add(move.apply(iri), VLM.formerIri.asNode(), move.apply(former)));
        return dft;
    }

    /** The IRI of the version at {@code index} of this history of {@code survey} ({@link Snapshot#iri(String)}). */
    private Node iri(int index, String survey) {
        return versions.get(index).snapshot().iri(survey);
    }

    /**
     * The listing intervals of a resource (by its IRI in the history): each run of consecutive versions listing it,
     * as the first and last version of the run, oldest first. Empty when no version lists it.
     */
    public List<List<Version>> listings(Node iri) {
        Node r = canonical(iri);
        List<List<Version>> out = new ArrayList<>();
        Version start = null, end = null;
        for (Version v : versions) {
            boolean listed = false;
            for (Node cls : LISTED) listed |= v.data().contains(r, RDF.type.asNode(), cls);
            if (listed) {
                if (start == null) start = v;
                end = v;
            } else if (start != null) {
                out.add(List.of(start, end));
                start = null;
            }
        }
        if (start != null) out.add(List.of(start, end));
        return out;
    }

    private static void describe(Graph g, Version v, Node iri, Node previous, int sequence) {
        Snapshot s = v.snapshot();
        g.add(iri, RDF.type.asNode(), VLM.SurveyVersion.asNode());
        g.add(iri, RDF.type.asNode(), PROV_ENTITY);
        g.add(iri, RDF.type.asNode(), DCAT.Dataset.asNode());
        g.add(
                iri,
                RDFS.label.asNode(),
                NodeFactory.createLiteralString(
                        s.name() + " (" + s.time().toString().substring(0, 10) + ")"));
        g.add(iri, DCTerms.date.asNode(), NodeFactory.createLiteralDT(s.time().toString(), XSDDatatype.XSDdateTime));
        if (s.commit() != null) g.add(iri, VLM.commit.asNode(), NodeFactory.createLiteralString(s.commit()));
        if (previous != null) g.add(iri, WAS_REVISION_OF, previous);
        g.add(iri, VLM.sequenceNumber.asNode(), integer(sequence));
        Counts c = v.counts();
        g.add(iri, VLM.numberOfPapers.asNode(), integer(c.papers()));
        g.add(iri, VLM.numberOfDatasets.asNode(), integer(c.datasets()));
        g.add(iri, VLM.numberOfCategories.asNode(), integer(c.categories()));
        g.add(iri, VLM.numberOfEntries.asNode(), integer(c.entries()));
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /**
     * Reads a history written by {@code history} (TriG, the change-set form or the full form written before) into the
     * dataset served ({@link #dataset}'s shape: every version a read-only view of the triples stored once), streamed:
     * only the distinct triples are held. A file that is not valid TriG throws {@link SourceException} with its line,
     * and so does one the free heap cannot hold, before it is parsed.
     */
    public static DatasetGraph read(java.nio.file.Path trig) {
        if (!java.nio.file.Files.isRegularFile(trig))
            throw new SourceException(Problem.error(trig.toString(), 0, "no such file"));
        try {
            HistoryLimits.checkTrig(trig.toString(), java.nio.file.Files.size(trig), HistoryLimits.freeHeap());
        } catch (java.io.IOException e) {
            throw new SourceException(Problem.error(trig.toString(), 0, "cannot read: " + e.getMessage()));
        }
        VersionedTriples.Reader r = new VersionedTriples.Reader(trig.toString());
        org.apache.jena.riot.RDFParser.source(trig)
                .lang(org.apache.jena.riot.Lang.TRIG)
                .errorHandler(SurveyGraph.strict(trig.toString()))
                .parse(new org.apache.jena.riot.system.StreamRDFBase() {
                    @Override
                    public void triple(org.apache.jena.graph.Triple t) {
                        r.quad(org.apache.jena.sparql.core.Quad.create(
                                org.apache.jena.sparql.core.Quad.defaultGraphIRI, t));
                    }

                    @Override
                    public void quad(org.apache.jena.sparql.core.Quad q) {
                        r.quad(q);
                    }

                    @Override
                    public void prefix(String prefix, String iri) {
                        r.prefix(prefix, iri);
                    }
                });
        return served(r);
    }

    /**
     * The dataset served of a history given as quads ({@link #changeSets}'s form or the full form, such as a cache
     * file read back), named {@code name} in errors.
     */
    public static DatasetGraph served(DatasetGraph history, String name) {
        VersionedTriples.Reader r = new VersionedTriples.Reader(name);
        history.prefixes().getMapping().forEach(r::prefix);
        history.find().forEachRemaining(r::quad);
        return served(r);
    }

    /** The versions read, served; quads that describe no version are no history: given back as they were read. */
    private static DatasetGraph served(VersionedTriples.Reader r) {
        List<Node> versions = order(r.description());
        if (versions.isEmpty()) return r.asRead();
        DatasetGraph ds = r.finish(versions).dataset(r.description());
        // several surveys' histories: the newest of each merged, as it was written
        if (r.newest() != null) ds.addGraph(VersionedTriples.NEWEST_MERGED, r.newest());
        return ds;
    }

    /**
     * The versions a history's description names ({@code vlm:SurveyVersion}), oldest first: along the
     * {@code prov:wasRevisionOf} chain from each version that revises none (those by date), then any left over by date.
     */
    public static List<Node> order(Graph description) {
        Graph g = description;
        List<Node> nodes = g.find(Node.ANY, RDF.type.asNode(), VLM.SurveyVersion.asNode())
                .mapWith(t -> t.getSubject())
                .toList();
        Map<Node, Node> next = new HashMap<>();
        for (Node v : nodes) {
            Node previous = value(g, v, WAS_REVISION_OF);
            if (previous != null) next.put(previous, v);
        }
        List<Node> ordered = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        java.util.Comparator<Node> byTime = java.util.Comparator.comparing(v -> time(g, v));
        List<Node> roots = nodes.stream()
                .filter(v -> value(g, v, WAS_REVISION_OF) == null)
                .sorted(byTime)
                .toList();
        for (Node root : roots) for (Node v = root; v != null && seen.add(v); v = next.get(v)) ordered.add(v);
        nodes.stream().filter(v -> !seen.contains(v)).sorted(byTime).forEach(ordered::add);
        return ordered;
    }

    /** The first object of {@code s p} in {@code g}, or null for none (a version's date, parent, survey, ...). */
    public static Node value(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** A version's {@code dcterms:date}, or the epoch when it has none or it is malformed. */
    public static java.time.Instant time(Graph g, Node v) {
        Node d = value(g, v, DCTerms.date.asNode());
        try {
            return d == null ? java.time.Instant.EPOCH : java.time.Instant.parse(d.getLiteralLexicalForm());
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.EPOCH;
        }
    }
}
