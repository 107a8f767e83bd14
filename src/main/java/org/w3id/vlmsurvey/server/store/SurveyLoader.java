package org.w3id.vlmsurvey.server.store;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * Loads the survey into a {@link SurveyStore}: builds the graph fully first, then swaps it in; a source with
 * errors is never loaded. A TDB2 store that already holds the build of the same source and program is reused.
 */
public final class SurveyLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyLoader.class);

    /** The outcome of a load: whether the graph was rebuilt, and the problems of the source (empty when reused). */
    public record Outcome(boolean rebuilt, boolean loaded, List<Problem> problems) {}

    private final SurveyStore store;
    private final SurveyGraph.Source source;
    private final boolean persistent;

    public SurveyLoader(SurveyStore store, SurveyGraph.Source source, boolean persistent) {
        this.store = store;
        this.source = source;
        this.persistent = persistent;
    }

    /**
     * Loads the source unless the store already holds its build. Returns without loading (loaded = false) when the
     * source has errors or cannot be read; the store then keeps what it had.
     */
    public Outcome load() {
        Fingerprint fp;
        try {
            fp = Fingerprint.of(source);
        } catch (RuntimeException e) {
            return new Outcome(
                    false, false, List.of(Problem.error(source.name(), 0, "cannot read: " + e.getMessage())));
        }
        if (persistent && fp.equals(store.fingerprint())) {
            if (store.reindexUnlessCurrent(fp))
                LOG.info("{}: the text index did not match the stored graph; rebuilt it", source.name());
            return new Outcome(false, true, List.of());
        }
        SurveyGraph.Result result;
        try {
            result = SurveyGraph.build(source);
        } catch (SourceException e) {
            return new Outcome(false, false, List.of(e.problem()));
        }
        if (result.hasErrors()) return new Outcome(false, false, result.problems());
        store.replace(result.data(), persistent ? fp : null);
        return new Outcome(true, true, result.problems());
    }

    /** Loads, logging the problems of a source that could not be loaded. */
    public Outcome loadAndLog() {
        Outcome o = load();
        if (!o.loaded()) {
            LOG.warn("{} not loaded, still serving the previous graph; problems:", source.name());
            for (Problem p : o.problems()) if (p.isError()) LOG.warn("{}", p);
        }
        return o;
    }
}
