package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Triple;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import picocli.CommandLine.Option;

/**
 * The {@code --source} and {@code --threads} options shared by the subcommands that read the survey: the one place
 * a command reads its source (once, {@link SurveyGraph.Source#read()}) and chooses how many threads map it.
 */
final class SourceOption {
    @Option(
            names = {"-s", "--source"},
            paramLabel = "FILE.md",
            description = "the survey README (default: data/vlm-survey.md, else the copy bundled in the program)")
    Path source;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "threads that map the survey (default: the number of processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    SurveyGraph.Source resolve() {
        return SurveyGraph.Source.resolve(source);
    }

    /** Reads and builds the source; one that cannot be read throws {@code SourceException} (exit 1). */
    SurveyGraph.Result build(SurveyGraph.Source from, Consumer<List<Triple>> added) {
        return build(from.read(), added);
    }

    /** Builds a snapshot already read, on {@code --threads} threads. */
    SurveyGraph.Result build(SurveyGraph.Snapshot snapshot) {
        return build(snapshot, null);
    }

    private SurveyGraph.Result build(SurveyGraph.Snapshot snapshot, Consumer<List<Triple>> added) {
        if (threads < 1) throw Failure.usage("--threads must be at least 1");
        return SurveyGraph.build(snapshot, threads, added);
    }

    SurveyGraph.Result build() {
        return build(resolve(), null);
    }

    static void print(PrintWriter err, Iterable<Problem> problems) {
        for (Problem p : problems) err.println(p);
        err.flush();
    }
}
