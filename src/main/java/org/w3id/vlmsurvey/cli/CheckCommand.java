package org.w3id.vlmsurvey.cli;

import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.graph.SurveyGraph;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        SurveyGraph.Result result = source.build();
        SourceOption.print(out, result.problems());
        out.printf("%s: %d errors, %d warnings%n", result.file(), result.errors(), result.warnings());
        out.flush();
        boolean fail = result.errors() > 0 || (strict && result.warnings() > 0);
        return fail ? Main.PROBLEMS : Main.OK;
    }
}
