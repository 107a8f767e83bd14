package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.export.SurveyRenderer;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "render",
        description = {
            "Write the survey back as Markdown from its graph: the head of the file as it was, then every heading, "
                    + "table and entry in the survey's own shapes and order. Reading the result gives the same graph.",
            "A source with errors is refused (its problems are printed, exit 1) unless --force."
        })
final class RenderCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Option(names = "--history-git", paramLabel = "DIR", description = "read the survey from this git repository")
    Path git;

    @Option(
            names = "--history-file",
            paramLabel = "PATH",
            defaultValue = GitSnapshots.DEFAULT_FILE,
            description = "with --history-git: the survey file inside the repository (default: ${DEFAULT-VALUE})")
    String file;

    @Option(
            names = "--version",
            paramLabel = "REV",
            description = "with --history-git: the revision to render (SHA, tag, HEAD~3, ...; default: HEAD)")
    String version;

    @Mixin
    OutputOption output = new OutputOption();

    @Option(names = "--force", description = "render a source with errors all the same (its unread rows are left out)")
    boolean force;

    // no mixinStandardHelpOptions: its -V/--version would take the name of the revision option
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (version != null && git == null) throw Failure.usage("--version needs --history-git DIR");
        if (git != null && source.source != null) throw Failure.usage("give --source or --history-git, not both");
        SurveyGraph.Snapshot snapshot =
                git != null ? fromGit(err) : source.resolve().read();
        if (snapshot == null) return Main.USAGE;
        // rendered from the survey's own triples: links of data/links.ttl are not part of the README
        SurveyGraph.Snapshot survey = SurveyGraph.Snapshot.of(snapshot.name(), snapshot.bytes());
        SurveyGraph.Result result = source.build(survey);
        if (result.hasErrors()) {
            result.problems().stream().filter(Problem::isError).forEach(err::println);
            if (!force) {
                err.println(survey.name() + ": not rendered: " + result.errors()
                        + " errors (--force renders without the rows they name)");
                err.flush();
                return Main.PROBLEMS;
            }
        }
        err.flush();
        String markdown = SurveyRenderer.render(result, new String(survey.bytes(), StandardCharsets.UTF_8));
        output.write(spec.commandLine().getOut(), os -> os.write(markdown.getBytes(StandardCharsets.UTF_8)));
        return Main.OK;
    }

    /** The version asked for, or null (after printing the nearest versions) when the repository has no such one. */
    private SurveyGraph.Snapshot fromGit(PrintWriter err) {
        try (GitSnapshots repo = GitSnapshots.open(git, file)) {
            String rev = version == null ? "HEAD" : version;
            Snapshot s;
            try {
                s = repo.at(rev);
            } catch (SourceException e) {
                if (!e.getMessage().contains("no such revision")) throw e;
                err.println(e.problem());
                err.println("nearest versions of " + file + ":");
                for (Snapshot n : repo.nearest(rev, 5)) err.println("  " + n.id().substring(0, 7) + "  " + n.time());
                err.flush();
                return null;
            }
            return SurveyGraph.Snapshot.of(s.name(), s.text().getBytes(StandardCharsets.UTF_8));
        }
    }
}
