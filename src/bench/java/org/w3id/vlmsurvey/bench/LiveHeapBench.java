package org.w3id.vlmsurvey.bench;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * The heap a built graph holds once the build is over, beside the heap Jena's own in-memory graph needs for the
 * same triples: peak RSS depends on the collector's sizing policy (with a large {@code -Xmx} a JVM grows its heap
 * freely), the live heap does not. Run each side in a JVM of its own:
 * {@code live ours FILE.md} (our build's result: the data and the mapping's summary) or
 * {@code live jena FILE.nt} (the N-Triples parsed into {@code GraphFactory.createDefaultGraph()}).
 * Prints {@code side, triples, live MB, bytes per triple, build ms}.
 */
public final class LiveHeapBench {
    private LiveHeapBench() {}

    /** Heap in use after full collections, in bytes. */
    static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("ours") || args[0].equals("jena")))
            throw new IllegalArgumentException("usage: live ours FILE.md | live jena FILE.nt");
        long before = used();
        long t0 = System.nanoTime();
        long triples;
        Object held;
        if (args[0].equals("jena")) {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(Path.of(args[1])).parse(g);
            triples = g.size();
            held = g;
        } else {
            SurveyGraph.Result r = SurveyGraph.build(
                    SurveyGraph.Source.file(Path.of(args[1])).withLinks(null),
                    Runtime.getRuntime().availableProcessors());
            triples = r.data().size();
            held = r;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long live = used() - before;
        System.out.println(args[0] + "\t" + triples + "\t" + live / (1024 * 1024) + "\t" + live / Math.max(1, triples)
                + "\t" + ms);
        if (held.hashCode() == 42) System.out.println(); // keeps the result reachable until measured
    }
}
