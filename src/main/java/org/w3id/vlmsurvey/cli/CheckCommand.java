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
        ProblemReport.Format f = format;
        if (f != ProblemReport.Format.TEXT) {
            SurveyGraph.Source s = source.resolve();
            try {
                SurveyGraph.Result r = source.build(s, null);
                out.print(ProblemReport.write(f, r.file(), r.problems()));
                out.flush();
                return r.errors() > 0 || (strict && r.warnings() > 0) ? Main.PROBLEMS : Main.OK;
            } catch (SourceException e) {
                out.print(ProblemReport.write(f, s.name(), List.of(e.problem())));
                out.flush();
                return Main.PROBLEMS;
            }
        }
        SurveyGraph.Result result = source.build();
        SourceOption.print(out, result.problems());
        out.printf("%s: %d errors, %d warnings%n", result.file(), result.errors(), result.warnings());
        out.flush();
        boolean fail = result.errors() > 0 || (strict && result.warnings() > 0);
        return fail ? Main.PROBLEMS : Main.OK;
    }
}
