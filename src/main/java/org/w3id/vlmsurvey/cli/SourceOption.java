package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Triple;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;
import picocli.CommandLine.Option;

/**
 * The {@code --source} and {@code --threads} options shared by the subcommands that read the survey: the one place
 * a command reads its source (once, {@link SurveyGraph.Source#read()}) and chooses how many threads map it.
 */
final class SourceOption {
    @Option(
            names = {"-s", "--source"},
            paramLabel = "FILE.md",
            description = "the survey README (default: data/vlm-survey.md, else the copy bundled in the program);"
                    + " repeat it to read several surveys into one graph (the first keeps the bundled survey's IRIs)")
    List<Path> source;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "threads that map the survey (default: the number of processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The one source of a command that reads one (several {@code --source} are a usage error). */
    SurveyGraph.Source resolve() {
        if (source != null && source.size() > 1) throw Failure.usage("give one --source: this reads one survey");
        return SurveyGraph.Source.resolve(source == null ? null : source.get(0));
    }

    /** Every source given, in order (the default one when none is). */
    List<SurveyGraph.Source> resolveAll() {
        if (source == null || source.isEmpty()) return List.of(SurveyGraph.Source.resolve(null));
        return source.stream().map(SurveyGraph.Source::resolve).toList();
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

    /** Reads and builds every source into one graph ({@link Surveys#build}: one source is built as before). */
    SurveyGraph.Result build() {
        if (threads < 1) throw Failure.usage("--threads must be at least 1");
        return Surveys.build(resolveAll().stream().map(SurveyGraph.Source::read).toList(), threads);
    }

    static void print(PrintWriter err, Iterable<Problem> problems) {
        for (Problem p : problems) err.println(p);
        err.flush();
    }
}
