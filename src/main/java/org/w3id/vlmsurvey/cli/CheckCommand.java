package org.w3id.vlmsurvey.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.report.ProblemReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Lint the survey source: print problems as FILE:LINE: severity: message.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Option(names = "--strict", description = "warnings fail the check too")
    boolean strict;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "text",
            description = "text, github (workflow commands: annotations on a pull request), sarif (SARIF 2.1.0) "
                    + "or json (default: ${DEFAULT-VALUE})")
    ProblemReport.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        SurveyGraph.Result result;
        try {
            result = source.build();
        } catch (SourceException e) {
            // a source that cannot be read is the check's one problem, written where the others go
            out.print(
                    format == ProblemReport.Format.TEXT
                            ? e.problem() + "\n"
                            : ProblemReport.write(format, e.problem().file(), List.of(e.problem())));
            out.flush();
            return Main.PROBLEMS;
        }
        out.print(ProblemReport.write(format, result.file(), result.problems()));
        out.flush();
        boolean fail = result.errors() > 0 || (strict && result.warnings() > 0);
        return fail ? Main.PROBLEMS : Main.OK;
    }
}
