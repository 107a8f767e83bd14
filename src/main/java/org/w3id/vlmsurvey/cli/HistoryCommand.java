package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.history.DirSnapshots;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.Histories;
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
                    + "the output is still written and the exit code is 1.",
            "Several surveys: one --git (or --dir) per survey. Each survey's versions are named graphs of their own "
                    + "(a later survey's under version/<slug>/), and version/newest is the newest version of each "
                    + "survey merged as export --source A --source B merges them."
        })
final class HistoryCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Origin origin;

    static final class Origin {
        @Option(
                names = "--git",
                paramLabel = "DIR",
                description =
                        "a git repository (work tree or bare); repeat it for several surveys, one repository each "
                                + "(the first keeps the bundled survey's IRIs)")
        List<Path> git;

        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description =
                        "a folder of dated copies named YYYY-MM-DD*.md; repeat it for several surveys, one folder "
                                + "each")
        List<Path> dir;
    }

    @Option(
            names = "--file",
            paramLabel = "PATH",
            defaultValue = GitSnapshots.DEFAULT_FILE,
            description = "the survey file inside the repository (default: ${DEFAULT-VALUE}); with several --git, give "
                    + "it once (for every repository) or once per --git, in the same order")
    List<String> file;

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
        List<Path> dirs = origin.dir != null ? origin.dir : origin.git;
        List<String> files = origin.dir != null ? null : files(origin.git, file, "--git", "--file");
        List<History> histories = histories(dirs, files, limits(), threads, err);
        var dataset = Histories.changeSets(histories, threads);
        output.write(spec.commandLine().getOut(), os -> Exporter.writeTrig(dataset, os));
        boolean ok = histories.stream()
                .allMatch(h -> h.errors().isEmpty() && !h.versions().isEmpty());
        return ok ? Main.OK : Main.PROBLEMS;
    }

    /**
     * The survey file of each repository: {@code files} given once is every repository's, given once per repository
     * is each one's in order; any other number is a usage error naming both options.
     */
    static List<String> files(List<?> dirs, List<String> files, String dirOption, String fileOption) {
        if (files.size() == dirs.size()) return files;
        if (files.size() == 1) return java.util.Collections.nCopies(dirs.size(), files.get(0));
        throw Failure.usage("give " + fileOption + " once (for every repository) or once per " + dirOption + ", in the "
                + "same order: " + dirs.size() + " " + dirOption + ", " + files.size() + " " + fileOption);
    }

    /** Several surveys are merged at their newest versions: a survey with no version built is an error naming it. */
    static void requireVersions(List<Path> dirs, List<History> histories) {
        for (int i = 0; i < dirs.size(); i++)
            if (histories.get(i).versions().isEmpty())
                throw new SourceException(Problem.error(
                        dirs.get(i).toString(), 0, "no version of this survey could be built: nothing to merge"));
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
     * The histories' dataset for serve --history-git (one repository, or several: {@link Histories#dataset}): from the
     * graph cache in {@code cacheDir} (null: none) when this program built it before from the same HEAD commits, files
     * and limits; else built and cached.
     */
    static org.apache.jena.sparql.core.DatasetGraph cached(
            Path cacheDir,
            List<Path> dirs,
            List<String> files,
            org.w3id.vlmsurvey.history.HistoryLimits limits,
            PrintWriter err) {
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++)
            try (GitSnapshots git = GitSnapshots.open(dirs.get(i), files.get(i))) {
                heads.add(git.head());
            }
        var l = org.w3id.vlmsurvey.server.store.BuiltGraphs.of(cacheDir).history(heads, files, limits, () -> {
            int threads = Runtime.getRuntime().availableProcessors();
            return Histories.changeSets(histories(dirs, files, limits, threads, err), threads);
        });
        if (l.hit()) {
            for (int i = 0; i < dirs.size(); i++)
                err.println(
                        "history of " + files.get(i) + " at " + heads.get(i) + ": from the graph cache " + cacheDir);
            err.flush();
        }
        return l.dataset();
    }

    /** The histories of git repositories, their skipped versions and summaries reported (for serve --history-git). */
    static org.apache.jena.sparql.core.DatasetGraph build(
            List<Path> dirs, List<String> files, org.w3id.vlmsurvey.history.HistoryLimits limits, PrintWriter err) {
        int threads = Runtime.getRuntime().availableProcessors();
        return Histories.dataset(histories(dirs, files, limits, threads, err), threads);
    }

    /**
     * The history of each git repository ({@code files}: the file in each) or, with {@code files} null, each folder
     * of dated copies, built on {@code threads} threads, with its skipped versions and summary reported. Every one is
     * read before any is built, so a bad one stops it all before anything is written; several histories must each
     * have a version built ({@link #requireVersions}).
     */
    static List<History> histories(
            List<Path> dirs,
            List<String> files,
            org.w3id.vlmsurvey.history.HistoryLimits limits,
            int threads,
            PrintWriter err) {
        List<List<Snapshot>> read = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++)
            read.add(files == null ? DirSnapshots.read(dirs.get(i)) : readGit(dirs.get(i), files.get(i), limits, err));
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            History h = History.build(read.get(i), threads);
            report(
                    err,
                    dirs.size() == 1 ? null : dirs.get(i).toString(),
                    read.get(i).size(),
                    h);
            histories.add(h);
        }
        if (histories.size() > 1) requireVersions(dirs, histories);
        return histories;
    }

    /**
     * The errors of each skipped version (a version with headings and no entry yet is named, not an error), each
     * resource listed under a new IRI with its line in both versions, then one summary line (starting with the
     * survey's repository or folder when there are several, else null).
     */
    static void report(PrintWriter err, String survey, int total, History history) {
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
        if (survey != null) err.print(survey + ": ");
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
