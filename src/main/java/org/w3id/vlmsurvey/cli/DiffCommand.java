package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.Diff;
import org.w3id.vlmsurvey.history.DiffReport;
import org.w3id.vlmsurvey.history.DirSnapshots;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Every change between two versions of the survey: papers, datasets and method categories added "
                    + "or removed, and changed fields (title, venue, year, code, category, ...) with old and new values.",
            "diff OLD.md NEW.md compares two files; diff --git DIR REV1 REV2 two revisions of the file in a git repository."
        })
final class DiffCommand implements Callable<Integer> {

    @Parameters(
            arity = "2",
            paramLabel = "OLD NEW",
            description = "two files, or with --git two revisions (SHA, tag, HEAD~3, ...)")
    List<String> versions;

    @Option(names = "--git", paramLabel = "DIR", description = "read OLD and NEW as revisions of this git repository")
    Path git;

    @Option(
            names = "--file",
            paramLabel = "PATH",
            defaultValue = GitSnapshots.DEFAULT_FILE,
            description = "with --git: the survey file inside the repository (default: ${DEFAULT-VALUE})")
    String file;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "table",
            description = "${COMPLETION-CANDIDATES}: a table, tab-separated values, a changelog (md) "
                    + "or the change set as RDF (ttl) (default: ${DEFAULT-VALUE})")
    DiffReport.Format format;

    @Mixin
    OutputOption output = new OutputOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Snapshot older, newer;
        if (git != null) {
            try (GitSnapshots repo = GitSnapshots.open(git, file)) {
                older = repo.at(versions.get(0));
                newer = repo.at(versions.get(1));
            }
        } else {
            older = DirSnapshots.file(Path.of(versions.get(0)));
            newer = DirSnapshots.file(Path.of(versions.get(1)));
        }
        // the two versions are mapped one after the other, each on every processor
        int threads = Runtime.getRuntime().availableProcessors();
        SurveyGraph.Result a = SurveyGraph.build(SurveyGraph.Snapshot.of(older.name(), older.content()), threads, null);
        SurveyGraph.Result b = SurveyGraph.build(SurveyGraph.Snapshot.of(newer.name(), newer.content()), threads, null);
        List<Problem> errors = new java.util.ArrayList<>();
        for (SurveyGraph.Result r : List.of(a, b))
            r.problems().stream().filter(Problem::isError).forEach(errors::add);
        SourceOption.print(err, errors);
        List<Diff.Change> changes = Diff.between(a.data(), b.data());
        String text =
                switch (format) {
                    case TSV -> DiffReport.tsv(changes);
                    case MD -> DiffReport.markdown(changes, title(older), title(newer));
                    case TABLE, TTL -> DiffReport.table(changes);
                };
        output.write(spec.commandLine().getOut(), os -> {
            if (format == DiffReport.Format.TTL)
                Exporter.write(Diff.toRdf(changes, older, newer), Exporter.Format.TTL, os);
            else os.write(text.getBytes(StandardCharsets.UTF_8));
        });
        return errors.isEmpty() ? Main.OK : Main.PROBLEMS;
    }

    /** {@code README.md@abc1234 (2023-06-07)} for a commit, the file name for a file. */
    private static String title(Snapshot s) {
        return s.commit() == null
                ? "`" + s.name() + "`"
                : "`" + s.name() + "` (" + s.time().toString().substring(0, 10) + ")";
    }
}
