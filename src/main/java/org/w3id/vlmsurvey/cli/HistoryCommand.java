package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.history.DirSnapshots;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.Snapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Build every version of the survey, from a git repository (the commits that changed the file, "
                    + "first-parent order, read with JGit) or from a folder of dated copies (YYYY-MM-DD*.md), and write them "
                    + "as TriG: the newest version in full and each other version as the triples it added and removed (named graphs "
                    + "<VERSION/added> and <VERSION/removed>), and a default graph describing the versions and when each paper, "
                    + "dataset and category was first and last listed. The same input gives the same bytes.",
            "A version that cannot be built or has errors is reported (FILE@COMMIT:LINE: error: ...) and skipped; "
                    + "the output is still written and the exit code is 1."
        })
final class HistoryCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Origin origin;

    static final class Origin {
        @Option(names = "--git", paramLabel = "DIR", description = "a git repository (work tree or bare)")
        Path git;

        @Option(names = "--dir", paramLabel = "DIR", description = "a folder of dated copies named YYYY-MM-DD*.md")
        Path dir;
    }

    @Option(
            names = "--file",
            paramLabel = "PATH",
            defaultValue = GitSnapshots.DEFAULT_FILE,
            description = "the survey file inside the repository (default: ${DEFAULT-VALUE})")
    String file;

    @Mixin
    OutputOption output = new OutputOption();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "versions built at the same time, each on one thread (default: the number of processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.Mixin
    HistoryLimitsOptions limits = new HistoryLimitsOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) throw Failure.usage("--threads must be at least 1");
        List<Snapshot> snapshots =
                origin.dir != null ? DirSnapshots.read(origin.dir) : readGit(origin.git, file, limits(), err);
        History history = History.build(snapshots, threads);
        report(err, snapshots.size(), history);
        output.write(spec.commandLine().getOut(), os -> Exporter.writeTrig(history.changeSets(), os));
        return history.errors().isEmpty() && !history.versions().isEmpty() ? Main.OK : Main.PROBLEMS;
    }

    private org.w3id.vlmsurvey.history.HistoryLimits limits() {
        return limits.limits();
    }

    /** The versions of a file in git within the limits; the commits skipped (submodules) are warned about. */
    static List<Snapshot> readGit(
            Path dir, String file, org.w3id.vlmsurvey.history.HistoryLimits limits, PrintWriter err) {
        try (GitSnapshots git = GitSnapshots.open(dir, file)) {
            List<Snapshot> versions = git.history(limits);
            for (Problem w : git.warnings()) err.println(w);
            if (versions.isEmpty())
                throw new SourceException(
                        Problem.error(dir.toString(), 0, "no commit on the first-parent line of HEAD has " + file));
            return versions;
        }
    }

    /**
     * The history's dataset for serve --history-git: from the graph cache in {@code cacheDir} (null: none) when this
     * program built it before from the same HEAD commit, file and limits; else built ({@link #build}) and cached.
     */
    static org.apache.jena.sparql.core.DatasetGraph cached(
            Path cacheDir, Path dir, String file, org.w3id.vlmsurvey.history.HistoryLimits limits, PrintWriter err) {
        String head;
        try (GitSnapshots git = GitSnapshots.open(dir, file)) {
            head = git.head();
        }
        var l = org.w3id.vlmsurvey.server.store.BuiltGraphs.of(cacheDir)
                .history(head, file, limits, () -> build(dir, file, limits, err).changeSets());
        if (l.hit()) {
            err.println("history of " + file + " at " + head + ": from the graph cache " + cacheDir);
            err.flush();
        }
        return l.dataset();
    }

    /** The history of a git repository, its skipped versions and summary reported (for serve --history-git). */
    static History build(Path dir, String file, org.w3id.vlmsurvey.history.HistoryLimits limits, PrintWriter err) {
        List<Snapshot> snapshots = readGit(dir, file, limits, err);
        History h = History.build(snapshots, Runtime.getRuntime().availableProcessors());
        report(err, snapshots.size(), h);
        return h;
    }

    /**
     * The errors of each skipped version (a version with headings and no entry yet is named, not an error), each
     * resource listed under a new IRI with its line in both versions, then one summary line.
     */
    static void report(PrintWriter err, int total, History history) {
        for (History.Skipped s : history.skipped()) {
            if (s.noEntriesYet()) {
                err.println(s.snapshot().name() + ": skipped (no paper or dataset listed yet)");
                continue;
            }
            for (Problem p : s.problems()) err.println(p);
            err.println(s.snapshot().name() + ": skipped (" + s.problems().size() + " error"
                    + (s.problems().size() == 1 ? "" : "s") + ")");
        }
        for (History.Identified m : history.identified())
            for (org.w3id.vlmsurvey.history.Diff.Change c : m.changes())
                if (c.kind() != org.w3id.vlmsurvey.history.Diff.Kind.CHANGED)
                    err.println(m.older().name() + ":" + m.olderLine() + " -> "
                            + m.newer().name() + ":"
                            + m.newerLine() + ": " + c.kind().label() + " " + c.cls() + " \"" + c.label() + "\": "
                            + c.detail());
        long reused =
                history.versions().stream().filter(History.Version::reused).count();
        long empty =
                history.skipped().stream().filter(History.Skipped::noEntriesYet).count();
        err.printf(
                "%d versions: %d built (%d contents mapped, %d equal to an earlier version), %d skipped%s%s%n",
                total,
                history.versions().size(),
                history.mapped(),
                reused,
                history.skipped().size(),
                empty == 0 ? "" : " (" + empty + " with no entry yet)",
                history.identified().isEmpty()
                        ? ""
                        : ", " + history.identified().size() + " relisted under a new IRI");
        err.flush();
    }
}
