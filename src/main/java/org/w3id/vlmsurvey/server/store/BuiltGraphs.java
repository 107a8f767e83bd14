package org.w3id.vlmsurvey.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.bundle.BuildVersion;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.cache.GraphCache;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.History;

/**
 * Where a served survey graph comes from, cheapest first: the graph of the bundled survey prebuilt at build time and
 * carried in the jar ({@value #PREBUILT}, made by {@link #main}); a user's survey built earlier, from the
 * {@link GraphCache} (keyed by the source's SHA-256, the program's digest and the jar's version); else mapped, and
 * then cached. Only a build without errors is cached; the text index is built from the graph when it is loaded.
 */
public final class BuiltGraphs {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltGraphs.class);

    /** The prebuilt bundled graph, in the jar (a {@link GraphCache} file, written sorted: reproducible). */
    public static final String PREBUILT = "prebuilt/vlm-survey.rt";

    /** Where a loaded graph came from. */
    public enum Origin {
        /** mapped from the Markdown */
        MAPPED,
        /** the bundled survey's graph, built with the jar */
        PREBUILT,
        /** a graph built by an earlier run, from the cache */
        CACHED,
        /** the graph a TDB2 store already held */
        STORE,
        /** the newest version of a served history ({@code serve --history-git}, {@code --history}) */
        HISTORY
    }

    /** A graph to load: the data, where it came from, and the build's result when it was mapped (else null). */
    public record Built(Graph data, Origin origin, SurveyGraph.Result result) {}

    private final GraphCache cache;
    private final String version;

    /** Graphs from the prebuilt one, or {@code cache} (null: none), for the program of {@code version}. */
    public BuiltGraphs(GraphCache cache, String version) {
        this.cache = cache;
        this.version = version;
    }

    /** The running program's graphs, with the cache in {@code cacheDir} (null: none). */
    public static BuiltGraphs of(Path cacheDir) {
        return new BuiltGraphs(
                cacheDir == null ? null : new GraphCache(cacheDir),
                BuildVersion.current().version());
    }

    /** The cache used, or null. */
    public GraphCache cache() {
        return cache;
    }

    /** The key of the prebuilt graph: the bundled README's SHA-256, the program's digest and version. */
    static String prebuiltKey(String surveySha256, String version) {
        return "bundled survey sha256=" + surveySha256 + " program=" + Fingerprint.programDigest() + " version="
                + version;
    }

    /** The cache key of a snapshot's graph: its digest (with links), the program's digest and version. */
    public static String key(SurveyGraph.Snapshot snapshot, String version) {
        return "survey sha256=" + snapshot.digest() + " program=" + Fingerprint.programDigest() + " version=" + version;
    }

    /** The key of the histories of {@code files.get(i)} at {@code heads.get(i)}, in order (see {@link #history}). */
    static String historyKey(List<String> heads, List<String> files, Object limits, String version) {
        StringBuilder key = new StringBuilder("history");
        for (int i = 0; i < heads.size(); i++)
            key.append(" head=").append(heads.get(i)).append(" file=").append(files.get(i));
        return key.append(" limits=")
                .append(limits)
                .append(" program=")
                .append(Fingerprint.programDigest())
                .append(" version=")
                .append(version)
                .toString();
    }

    /**
     * The history of {@code files.get(i)} in the git repository at commit {@code heads.get(i)}, for each of one or
     * several surveys, in one dataset, within {@code limits}, as served ({@link History#served}): from the cache when
     * it was built before by this program, else {@code build}'s (its change sets, {@link History#changeSets} or
     * {@link org.w3id.vlmsurvey.history.Histories#changeSets}; then cached; null: nothing to cache). The key names
     * every repository's head commit and file, in order (one repository: the key it always had), so a change in any
     * of them, or in their order, is another key. Without a cache or a head commit, built.
     */
    public GraphCache.Lookup history(
            List<String> heads, List<String> files, Object limits, java.util.function.Supplier<DatasetGraph> build) {
        if (cache == null || heads.contains(null))
            return served(new GraphCache.Lookup(build.get(), false, null), String.join(", ", files));
        String key = historyKey(heads, files, limits, version);
        GraphCache.Lookup l = cache.get(key, build);
        if (l.hit()) LOG.info("the history of {} at {}: built earlier, from the cache {}", files, heads, cache.dir());
        return served(l, cache.file(key).toString());
    }

    private static GraphCache.Lookup served(GraphCache.Lookup l, String name) {
        return l.dataset() == null
                ? l
                : new GraphCache.Lookup(History.served(l.dataset(), name), l.hit(), l.discarded());
    }

    /**
     * The graph of {@code snapshot} (read from {@code source}): prebuilt when its README is the bundled one, else
     * cached (when {@code useCache} and there is a cache), else {@code build}'s result (cached when it has no errors).
     */
    public Built graph(
            SurveyGraph.Source source,
            SurveyGraph.Snapshot snapshot,
            boolean useCache,
            Function<SurveyGraph.Snapshot, SurveyGraph.Result> build) {
        Graph prebuilt = prebuilt(source, snapshot);
        if (prebuilt != null) {
            LOG.info("{}: the graph prebuilt with this jar (not mapped)", source.name());
            return new Built(prebuilt, Origin.PREBUILT, null);
        }
        if (cache == null || !useCache) {
            SurveyGraph.Result r = build.apply(snapshot);
            return new Built(r.data(), Origin.MAPPED, r);
        }
        SurveyGraph.Result[] mapped = {null};
        GraphCache.Lookup l = cache.get(key(snapshot, version), () -> {
            mapped[0] = build.apply(snapshot);
            return mapped[0].hasErrors() ? null : DatasetGraphFactory.wrap(mapped[0].data());
        });
        if (l.hit()) {
            LOG.info("{}: the graph built earlier, from the cache {}", source.name(), cache.dir());
            return new Built(l.dataset().getDefaultGraph(), Origin.CACHED, null);
        }
        return new Built(mapped[0].data(), Origin.MAPPED, mapped[0]);
    }

    /**
     * The prebuilt graph when the snapshot's README is the bundled one (with the snapshot's links added), or null.
     * For the bundled source, a prebuilt graph that does not match (another README, program or version) is logged
     * and the README mapped.
     */
    Graph prebuilt(SurveyGraph.Source source, SurveyGraph.Snapshot snapshot) {
        if (!Bundled.exists(PREBUILT)) {
            if (source.path() == null) LOG.info("no prebuilt graph in this build: mapping the bundled survey");
            return null;
        }
        String sha = GraphCache.sha256(snapshot.bytes());
        if (source.path() != null && !sha.equals(bundledSha())) return null;
        DatasetGraph dsg;
        try {
            dsg = GraphCache.read(Bundled.open(PREBUILT), prebuiltKey(sha, version), PREBUILT);
        } catch (GraphCache.Unusable e) {
            LOG.info("the prebuilt graph does not match ({}): mapping {}", e.getMessage(), source.name());
            return null;
        }
        Graph data = dsg.getDefaultGraph();
        snapshot.links().find().forEachRemaining(data::add);
        return data;
    }

    private static String bundledSha;

    private static synchronized String bundledSha() {
        if (bundledSha == null) bundledSha = GraphCache.sha256(Bundled.bytes(Bundled.SURVEY));
        return bundledSha;
    }

    /**
     * At build time (Maven, process-classes): maps, checks and validates the bundled survey (without links) and
     * writes its graph to {@code args[0]/}{@value #PREBUILT}, sorted. A survey with errors fails the build.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: BuiltGraphs OUTPUT-FOLDER");
        SurveyGraph.Snapshot snapshot =
                SurveyGraph.Source.bundled().withLinks(null).read();
        SurveyGraph.Result r = SurveyGraph.build(snapshot, 1, null);
        if (r.hasErrors())
            throw new SourceException(r.problems().stream()
                    .filter(org.w3id.vlmsurvey.diagnostics.Problem::isError)
                    .findFirst()
                    .orElseThrow());
        Path out = Path.of(args[0]).resolve(PREBUILT);
        Files.createDirectories(out.getParent());
        String key = prebuiltKey(
                GraphCache.sha256(snapshot.bytes()), BuildVersion.current().version());
        try (OutputStream o = Files.newOutputStream(out)) {
            GraphCache.write(DatasetGraphFactory.wrap(r.data()), key, o, true);
        }
    }
}
