package org.w3id.vlmsurvey.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * {@code SurveyGraph.build} before and after the partitioned mapping, in one JVM: the reference run (every rule
 * over the whole source graph, one thread: the loader as it was) and the partitioned run, alternated, after a
 * warm-up. Prints a TSV line per variant: {@code variant, median ms, runs}.
 * Arguments: {@code [FILE.md|bundled] [REPS]}.
 */
public final class BuildBench {
    private BuildBench() {}

    public static void main(String[] args) {
        SurveyGraph.Source source = args.length > 0 && !args[0].equals("bundled")
                ? SurveyGraph.Source.file(Path.of(args[0])).withLinks(null)
                : SurveyGraph.Source.bundled().withLinks(null);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        for (int i = 0; i < 3; i++) {
            SurveyGraph.buildWhole(source.read());
            SurveyGraph.build(source, Runtime.getRuntime().availableProcessors());
        }
        List<Long> whole = new ArrayList<>(), parts = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            SurveyGraph.buildWhole(source.read());
            long t1 = System.nanoTime();
            SurveyGraph.build(source, Runtime.getRuntime().availableProcessors());
            long t2 = System.nanoTime();
            whole.add((t1 - t0) / 1_000_000);
            parts.add((t2 - t1) / 1_000_000);
        }
        System.out.println("whole-survey (before)\t" + median(whole) + "\t" + reps);
        System.out.println("partitioned (after)\t" + median(parts) + "\t" + reps);
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
