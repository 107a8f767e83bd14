package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import picocli.CommandLine.Option;

/** The {@code --source} option shared by the subcommands that read the survey. */
final class SourceOption {
    @Option(
            names = {"-s", "--source"},
            paramLabel = "FILE.md",
            description = "the survey README (default: data/vlm-survey.md, else the copy bundled in the program)")
    Path source;

    SurveyGraph.Source resolve() {
        return SurveyGraph.Source.resolve(source);
    }

    /**
     * Builds the graph of the given source; a source that cannot be read at all is printed as its one problem
     * and gives null (the command then exits with {@link Main#PROBLEMS}).
     */
    static SurveyGraph.Result build(SurveyGraph.Source source, PrintWriter report) {
        try {
            return SurveyGraph.build(source);
        } catch (SourceException e) {
            report.println(e.problem());
            report.flush();
            return null;
        }
    }

    static void print(PrintWriter err, Iterable<Problem> problems) {
        for (Problem p : problems) err.println(p);
        err.flush();
    }
}
