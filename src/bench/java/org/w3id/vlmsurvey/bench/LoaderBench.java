package org.w3id.vlmsurvey.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * The loader benchmark, for one survey file in a JVM of its own: builds the graph ({@link SurveyGraph#build},
 * Markdown to validated graph) several times, then lets Jena RIOT parse the same graph exported as N-Triples
 * into the same kind of in-memory graph, the practical limit for loading those triples.
 * <p>
 * Prints one tab-separated line: {@code file entries triples build_median_ms build_triples_per_s riot_median_ms
 * riot_triples_per_s ratio peak_heap_mb retained_bytes_per_triple}, after the repetitions, each also reported on
 * standard error. The first repetition of each is a warm-up and is not counted.
 * <p>
 * Usage: {@code java -cp vlm-survey-kg.jar org.w3id.vlmsurvey.bench.LoaderBench FILE.md ENTRIES REPS WORKDIR}
 */
public final class LoaderBench {

    private LoaderBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: LoaderBench FILE.md ENTRIES REPS WORKDIR");
            System.exit(2);
        }
        Path survey = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        SurveyGraph.Source source = SurveyGraph.Source.file(survey);

        // warm-up, then the counted repetitions; peak heap is that of the last repetition alone
        List<Double> build = new ArrayList<>();
        long triples = 0, peak = 0;
        Graph data = null;
        for (int i = 0; i <= reps; i++) {
            data = null;
            gc();
            resetPeaks();
            long t0 = System.nanoTime();
            SurveyGraph.Result r =
                    SurveyGraph.build(source, Runtime.getRuntime().availableProcessors());
            double ms = (System.nanoTime() - t0) / 1e6;
            data = r.data();
            triples = data.size();
            peak = peakHeap();
            System.err.printf(
                    Locale.ROOT,
                    "  build %s%s: %.0f ms, %d triples, peak heap %d MB%n",
                    survey.getFileName(),
                    i == 0 ? " (warm-up)" : "",
                    ms,
                    triples,
                    peak >> 20);
            if (i > 0) build.add(ms);
        }
        // retained heap of the result graph alone
        gc();
        long withGraph = usedHeap();
        Path nt = work.resolve(survey.getFileName().toString().replaceAll("\\.md$", "") + ".nt");
        try (OutputStream out = Files.newOutputStream(nt)) {
            Exporter.write(data, Exporter.Format.NT, out);
        }
        data = null;
        gc();
        long withoutGraph = usedHeap();
        double bytesPerTriple = Math.max(0, withGraph - withoutGraph) / (double) triples;

        List<Double> riot = new ArrayList<>();
        for (int i = 0; i <= reps; i++) {
            gc();
            long t0 = System.nanoTime();
            Graph g = GraphFactory.createGraphMem();
            RDFParser.source(nt).lang(Lang.NTRIPLES).parse(g);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (g.size() != triples)
                throw new IllegalStateException("RIOT read " + g.size() + " triples, the loader built " + triples);
            System.err.printf(Locale.ROOT, "  riot  %s%s: %.0f ms%n", nt.getFileName(), i == 0 ? " (warm-up)" : "", ms);
            if (i > 0) riot.add(ms);
        }
        double b = median(build), r = median(riot);
        System.out.printf(
                Locale.ROOT,
                "%s\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.2f\t%d\t%.0f%n",
                survey.getFileName(),
                entries,
                triples,
                b,
                triples / (b / 1000),
                r,
                triples / (r / 1000),
                r / b,
                peak >> 20,
                bytesPerTriple);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) System.gc();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound: pools peak at different times). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
