package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.Diff;
import org.w3id.vlmsurvey.history.DiffReport;
import org.w3id.vlmsurvey.history.DirSnapshots;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.Snapshot;
import picocli.CommandLine.Command;
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
            description = "table, tsv, md (a changelog) or ttl (the change set as RDF) (default: ${DEFAULT-VALUE})")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DiffReport.Format f;
        try {
            f = DiffReport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.USAGE;
        }
        Snapshot older, newer;
        SurveyGraph.Result a, b;
        try {
            if (git != null) {
                try (GitSnapshots repo = GitSnapshots.open(git, file)) {
                    older = repo.at(versions.get(0));
                    newer = repo.at(versions.get(1));
                }
            } else {
                older = DirSnapshots.file(Path.of(versions.get(0)));
                newer = DirSnapshots.file(Path.of(versions.get(1)));
            }
            a = SurveyGraph.build(older.name(), older.text());
            b = SurveyGraph.build(newer.name(), newer.text());
        } catch (SourceException e) {
            err.println(e.problem());
            return Main.PROBLEMS;
        }
        List<Problem> errors = new java.util.ArrayList<>();
        for (SurveyGraph.Result r : List.of(a, b))
            r.problems().stream().filter(Problem::isError).forEach(errors::add);
        errors.forEach(err::println);
        err.flush();
        List<Diff.Change> changes = Diff.between(a.data(), b.data());
        var out = spec.commandLine().getOut();
        switch (f) {
            case TABLE -> out.print(DiffReport.table(changes));
            case TSV -> out.print(DiffReport.tsv(changes));
            case MD -> out.print(DiffReport.markdown(changes, title(older), title(newer)));
            case TTL -> {
                out.flush();
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                Exporter.write(Diff.toRdf(changes, older, newer), Exporter.Format.TTL, bytes);
                out.print(bytes.toString(StandardCharsets.UTF_8));
            }
        }
        out.flush();
        return errors.isEmpty() ? Main.OK : Main.PROBLEMS;
    }

    /** {@code README.md@abc1234 (2023-06-07)} for a commit, the file name for a file. */
    private static String title(Snapshot s) {
        return s.commit() == null
                ? "`" + s.name() + "`"
                : "`" + s.name() + "` (" + s.time().toString().substring(0, 10) + ")";
    }
}
