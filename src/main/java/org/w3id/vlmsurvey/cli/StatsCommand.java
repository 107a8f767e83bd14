package org.w3id.vlmsurvey.cli;

import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.graph.Stats;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.TripleCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Count resources per class and papers per method category.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        SurveyGraph.Result result = source.build();
        out.print(Stats.of(result.data()).render(TripleCounts.of(result)));
        out.print(Stats.paperLinkLines(result));
        out.flush();
        return Main.OK;
    }
}
