package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.graph.Stats;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;
import org.w3id.vlmsurvey.graph.TripleCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Count resources per class and papers per method category; with several --source, for each "
                + "survey, then for all of them merged.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<SurveyGraph.Source> sources = source.resolveAll();
        if (sources.size() == 1) {
            SurveyGraph.Result result = source.build();
            out.print(Stats.of(result.data()).render(TripleCounts.of(result)));
            out.print(Stats.paperLinkLines(result));
        } else several(out, sources.stream().map(SurveyGraph.Source::read).toList());
        out.flush();
        return Main.OK;
    }

    /**
     * Several surveys: a block per survey (its title, IRI in the merged graph, file, and its own report as one survey
     * alone gives it), then the merged graph's triples and resources per class ({@link Surveys#merge}: a paper two
     * surveys list counts once) and the lines with a paper link of every survey.
     */
    private void several(PrintWriter out, List<SurveyGraph.Snapshot> snapshots) {
        List<SurveyGraph.Result> built = new ArrayList<>();
        for (SurveyGraph.Snapshot s : snapshots) built.add(source.build(s));
        List<String> iris = Surveys.iris(built);
        Stats.PaperLinkLines lines = new Stats.PaperLinkLines(0, 0);
        for (int i = 0; i < built.size(); i++) {
            SurveyGraph.Result r = built.get(i);
            out.printf(
                    "Survey %d of %d: %s%n  %s%n  %s%n%n",
                    i + 1, built.size(), Surveys.title(r), iris.get(i), r.file());
            out.print(Stats.of(r.data()).render(TripleCounts.of(r)));
            Stats.PaperLinkLines own = Stats.paperLinkLines(r);
            out.print(own);
            out.println();
            lines = lines.plus(own);
        }
        SurveyGraph.Result merged = Surveys.merge(snapshots, built);
        out.printf("All %d surveys, merged (a paper listed by several counts once):%n%n", built.size());
        out.print(Stats.of(merged.data()).renderCounts(TripleCounts.of(merged)));
        out.print(lines);
    }
}
