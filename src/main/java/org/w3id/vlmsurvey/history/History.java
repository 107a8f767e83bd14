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
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The survey's history: every version built by {@link SurveyGraph} (the one mapping), as one named graph per
 * version, and a default graph describing the versions ({@code vlm:SurveyVersion}) and, for each paper, dataset
 * and method category, the first and last version that listed it.
 * <p>
 * Equal contents (the same git blob id) are built once and their graph reused. Distinct contents are built in
 * parallel. A version that cannot be built, or whose graph has errors, is skipped with its problems; the history
 * goes on, and the next version is a revision of the last one built.
 */
public final class History {
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final Node PROV_ENTITY = NodeFactory.createURI(PROV + "Entity");
    static final Node WAS_REVISION_OF = NodeFactory.createURI(PROV + "wasRevisionOf");

    /** The classes whose resources get {@code vlm:firstListedIn} and {@code vlm:lastListedIn}. */
    static final List<Node> LISTED = List.of(VLM.Paper.asNode(), VLM.Dataset.asNode(), VLM.MethodCategory.asNode());

    /** What a version holds. Entries are the listings: one per table row or list item naming a paper or dataset. */
    public record Counts(long papers, long datasets, long categories, long entries) {}

    /** A version that was built: its data graph (shared with the other versions of equal content). */
    public record Version(Snapshot snapshot, Graph data, Counts counts, List<Problem> warnings, boolean reused) {}

    /** A version that was not built, with the problems why. */
    public record Skipped(Snapshot snapshot, List<Problem> problems) {}

    private final List<Version> versions;
    private final List<Skipped> skipped;
    private final int distinct;

    private History(List<Version> versions, List<Skipped> skipped, int distinct) {
        this.versions = List.copyOf(versions);
        this.skipped = List.copyOf(skipped);
        this.distinct = distinct;
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

    /** The outcome of building one content. */
    private record Built(SurveyGraph.Result result, Problem failure, Counts counts) {}

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
                skipped.add(new Skipped(s, List.of(rename(b.failure(), s.name()))));
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
        return new History(versions, skipped, firstOfBlob.size());
    }

    private static Built buildOne(Snapshot s) {
        try {
            // one thread per version: the versions are built side by side already, no second pool on top
            SurveyGraph.Result r = SurveyGraph.build(SurveyGraph.Snapshot.of(s.name(), s.content()), 1, null);
            // Keep the data only: the mapping's working graph is not needed any more.
            SurveyGraph.Result kept =
                    new SurveyGraph.Result(r.file(), r.data(), r.problems(), Graph.emptyGraph, r.links());
            return new Built(kept, null, counts(r.data()));
        } catch (SourceException e) {
            return new Built(null, e.problem(), null);
        } catch (RuntimeException e) {
            return new Built(null, Problem.error(s.name(), 0, "cannot be mapped: " + e), null);
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
     * The history as a dataset: one named graph per version (named by the version's IRI) and the default graph
     * describing the versions and when each paper, dataset and method category was first and last listed.
     */
    public DatasetGraph dataset() {
        DatasetGraph ds = DatasetGraphFactory.createGeneral();
        Graph dft = ds.getDefaultGraph();
        Map<Node, Node> first = new HashMap<>(), last = new HashMap<>();
        Node previous = null;
        for (Version v : versions) {
            Node iri = v.snapshot().iri();
            describe(dft, v, iri, previous);
            for (Node cls : LISTED)
                v.data().find(Node.ANY, RDF.type.asNode(), cls).forEachRemaining(t -> {
                    first.putIfAbsent(t.getSubject(), iri);
                    last.put(t.getSubject(), iri);
                });
            ds.addGraph(iri, v.data());
            previous = iri;
        }
        first.forEach((s, v) -> dft.add(s, VLM.firstListedIn.asNode(), v));
        last.forEach((s, v) -> dft.add(s, VLM.lastListedIn.asNode(), v));
        return ds;
    }

    private static void describe(Graph g, Version v, Node iri, Node previous) {
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
     * Reads a history written by {@code history} (TriG) into a dataset; a file that is not valid TriG throws
     * {@link SourceException} with its line.
     */
    public static DatasetGraph read(java.nio.file.Path trig) {
        if (!java.nio.file.Files.isRegularFile(trig))
            throw new SourceException(Problem.error(trig.toString(), 0, "no such file"));
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFParser.source(trig)
                .lang(org.apache.jena.riot.Lang.TRIG)
                .errorHandler(SurveyGraph.strict(trig.toString()))
                .parse(ds);
        return ds;
    }
}
