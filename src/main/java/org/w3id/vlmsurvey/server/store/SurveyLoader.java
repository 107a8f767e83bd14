package org.w3id.vlmsurvey.server.store;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.SurveyHead;

/**
 * Loads the survey into a {@link SurveyStore}: builds the graph fully first, then swaps it in; a source with
 * errors is never loaded. A TDB2 store that already holds the build of the same source and program is reused.
 */
public final class SurveyLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyLoader.class);

    /**
     * The outcome of a load: whether the graph was rebuilt, the problems of the source (empty when reused), and the
     * links of the snapshot loaded (empty for none or when not loaded).
     */
    public record Outcome(
            boolean rebuilt, boolean loaded, List<Problem> problems, Graph links, BuiltGraphs.Origin origin) {
        static Outcome failed(List<Problem> problems) {
            return new Outcome(false, false, problems, Graph.emptyGraph, BuiltGraphs.Origin.MAPPED);
        }
    }

    private final SurveyStore store;
    private final SurveyGraph.Source source;
    private final boolean persistent;
    private final int threads;
    private final Function<SurveyGraph.Source, SurveyGraph.Snapshot> reader;
    private final BuiltGraphs graphs;

    /**
     * Loads {@code source} into {@code store}, read by {@code reader} ({@code SurveyGraph.Source::read}; a test may
     * hook into the read) and mapped on {@code threads} threads; a TDB2 store is {@code persistent}.
     */
    public SurveyLoader(
            SurveyStore store,
            SurveyGraph.Source source,
            boolean persistent,
            int threads,
            Function<SurveyGraph.Source, SurveyGraph.Snapshot> reader) {
        this(store, source, persistent, threads, reader, BuiltGraphs.of(null));
    }

    /**
     * As above, taking the graph from {@code graphs} when it can (the prebuilt bundled graph, a cached build; a
     * TDB2 store is a cache of its own and does not use the graph cache).
     */
    public SurveyLoader(
            SurveyStore store,
            SurveyGraph.Source source,
            boolean persistent,
            int threads,
            Function<SurveyGraph.Source, SurveyGraph.Snapshot> reader,
            BuiltGraphs graphs) {
        this.graphs = graphs;
        this.store = store;
        this.source = source;
        this.persistent = persistent;
        this.threads = threads;
        this.reader = reader;
    }

    private List<SurveyGraph.Source> moreSources = List.of();

    /** Also loads these surveys, merged with the first into one graph ({@code Surveys.build}). */
    public SurveyLoader withMoreSources(List<SurveyGraph.Source> more) {
        this.moreSources = List.copyOf(more);
        return this;
    }

    /**
     * Reads the source once and loads that snapshot unless the store already holds its build: the fingerprint the
     * store is labelled with is the snapshot's, the bytes that were mapped. Returns without loading (loaded = false)
     * when the source has errors or cannot be read; the store then keeps what it had.
     */
    public Outcome load() {
        SurveyGraph.Snapshot snapshot;
        SurveyGraph.Result result;
        BuiltGraphs.Built built;
        try {
            snapshot = reader.apply(source);
            List<SurveyGraph.Snapshot> all = new java.util.ArrayList<>(List.of(snapshot));
            for (SurveyGraph.Source more : moreSources) all.add(reader.apply(more));
            Fingerprint fp = Fingerprint.of(all);
            if (persistent && fp.equals(store.fingerprint())) {
                if (store.reindexUnlessCurrent(fp))
                    LOG.info("{}: the text index did not match the stored graph; rebuilt it", source.name());
                remember(snapshot);
                return new Outcome(false, true, List.of(), snapshot.links(), BuiltGraphs.Origin.STORE);
            }
            if (moreSources.isEmpty())
                built = graphs.graph(source, snapshot, !persistent, s -> SurveyGraph.build(s, threads, null));
            else {
                // several surveys are merged on every load: the cache keys one source's bytes
                SurveyGraph.Result merged = org.w3id.vlmsurvey.graph.Surveys.build(all, threads);
                built = new BuiltGraphs.Built(merged.data(), BuiltGraphs.Origin.MAPPED, merged);
            }
            result = built.result();
            if (result != null && result.hasErrors()) return Outcome.failed(result.problems());
            store.replace(built.data(), persistent ? fp : null);
            remember(snapshot);
        } catch (SourceException e) {
            return Outcome.failed(List.of(e.problem()));
        }
        return new Outcome(
                true, true, result == null ? List.of() : result.problems(), snapshot.links(), built.origin());
    }

    private void remember(SurveyGraph.Snapshot snapshot) {
        store.loaded(new SurveyStore.Loaded(
                snapshot.name(), snapshot.digest(), SurveyHead.of(snapshot), java.time.Instant.now()));
    }

    /**
     * Loads, logging a source that could not be loaded in one warning: the problem that stopped it (its file, line
     * and cause: the survey, or the links or metadata file beside it), or each of its errors, one a line.
     */
    public Outcome loadAndLog() {
        Outcome o = load();
        if (!o.loaded()) LOG.warn("{} not loaded, still serving the previous graph: {}", source.name(), why(o));
        return o;
    }

    /** The errors that kept a load from happening, as a log line says them. */
    static String why(Outcome o) {
        List<String> errors = o.problems().stream()
                .filter(Problem::isError)
                .map(Problem::toString)
                .toList();
        return errors.size() == 1
                ? errors.get(0)
                : errors.size() + " errors:"
                        + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
