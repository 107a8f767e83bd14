package org.w3id.vlmsurvey.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.Snapshot;

/**
 * The history benchmark, in a JVM of its own: makes a git repository (with JGit) of {@code VERSIONS} commits that
 * change README.md, a synthetic survey growing from {@code ENTRIES} entries by 2 per version, where every 10th
 * version reverts to the one before the previous (an unchanged content that is not mapped again) and every 7th
 * commit only touches another file (not a version); then times {@code history} on it: reading the commits,
 * building the versions (1 thread, then 2), and writing the TriG. The baseline, in the same JVM, is one
 * {@link SurveyGraph#build} of the last version (median of {@code REPS} after a warm-up).
 * <p>
 * Prints one tab-separated line: {@code versions built mapped reused last_entries baseline_ms read_ms build1_ms
 * build2_ms write_ms trig_bytes ms_per_version_2threads ratio_to_baseline baseline_cpu_ms build2_cpu_ms
 * build2_cpu_ms_per_version} (CPU times are of the whole process, all threads).
 * <p>
 * Usage: {@code java -cp vlm-survey-kg.jar org.w3id.vlmsurvey.bench.HistoryBench WORKDIR VERSIONS ENTRIES REPS}
 */
public final class HistoryBench {
    private HistoryBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: HistoryBench WORKDIR VERSIONS ENTRIES REPS");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int versions = Integer.parseInt(args[1]), entries = Integer.parseInt(args[2]), reps = Integer.parseInt(args[3]);
        Path repo = work.resolve("history-repo-" + versions + "-" + entries);
        String last = createRepo(repo, versions, entries);

        List<Double> base = new ArrayList<>(), baseCpu = new ArrayList<>();
        for (int i = 0; i <= reps; i++) {
            long t0 = System.nanoTime(), c0 = cpu();
            SurveyGraph.build(
                    SurveyGraph.Snapshot.of("last.md", last.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    Runtime.getRuntime().availableProcessors(),
                    null);
            if (i > 0) {
                base.add(ms(t0));
                baseCpu.add((cpu() - c0) / 1e6);
            }
        }
        double baseline = LoaderBench.median(base), baselineCpu = LoaderBench.median(baseCpu);

        long t0 = System.nanoTime();
        List<Snapshot> snapshots;
        try (GitSnapshots git = GitSnapshots.open(repo, "README.md")) {
            snapshots = git.history();
        }
        double read = ms(t0);
        t0 = System.nanoTime();
        History one = History.build(snapshots, 1);
        double build1 = ms(t0);
        System.err.printf(Locale.ROOT, "1 thread: %.0f ms%n", build1);
        one = null;
        t0 = System.nanoTime();
        long c0 = cpu();
        History h = History.build(snapshots, 2);
        double build2 = ms(t0), build2Cpu = (cpu() - c0) / 1e6;
        System.err.printf(Locale.ROOT, "2 threads: %.0f ms%n", build2);
        Path out = work.resolve("history-bench.trig");
        t0 = System.nanoTime();
        try (OutputStream os = Files.newOutputStream(out)) {
            Exporter.writeTrig(h.dataset(), os);
        }
        double write = ms(t0);
        long reused = h.versions().stream().filter(History.Version::reused).count();
        double total = read + build2 + write;
        System.out.printf(
                Locale.ROOT,
                "%d\t%d\t%d\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%d\t%.0f\t%.2f\t%.0f\t%.0f\t%.0f%n",
                snapshots.size(),
                h.versions().size(),
                h.mapped(),
                reused,
                entries + 2 * (versions - 1),
                baseline,
                read,
                build1,
                build2,
                write,
                Files.size(out),
                total / snapshots.size(),
                total / (snapshots.size() * baseline),
                baselineCpu,
                build2Cpu,
                build2Cpu / snapshots.size());
    }

    /** CPU time of the whole process (all threads), in nanoseconds: less disturbed by other processes than wall time. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The repository; returns the last version's text. */
    static String createRepo(Path dir, int versions, int entries) throws IOException {
        if (Files.exists(dir))
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        List<String> texts = new ArrayList<>();
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository r = git.getRepository();
            ObjectId parent = null;
            Instant time = Instant.parse("2023-03-30T10:00:00Z");
            int commit = 0;
            for (int v = 0; v < versions; v++) {
                String text = v % 10 == 9 ? texts.get(v - 2) : SurveyGenerator.text(entries + 2 * v, 1);
                texts.add(text);
                if (++commit % 7 == 0) {
                    time = time.plusSeconds(3600);
                    parent = commit(r, parent, time, texts.size() > 1 ? texts.get(v - 1) : text, "notes " + commit);
                }
                time = time.plusSeconds(86_400);
                parent = commit(r, parent, time, text, "notes");
            }
            RefUpdate main = r.updateRef("refs/heads/main");
            main.setNewObjectId(parent);
            main.forceUpdate();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return texts.get(texts.size() - 1);
    }

    private static ObjectId commit(Repository r, ObjectId parent, Instant time, String readme, String notes)
            throws IOException {
        try (ObjectInserter ins = r.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            tree.append(
                    "NOTES.md",
                    FileMode.REGULAR_FILE,
                    ins.insert(Constants.OBJ_BLOB, notes.getBytes(StandardCharsets.UTF_8)));
            tree.append(
                    "README.md",
                    FileMode.REGULAR_FILE,
                    ins.insert(Constants.OBJ_BLOB, readme.getBytes(StandardCharsets.UTF_8)));
            PersonIdent who = new PersonIdent("Bench", "bench@example.org", time, ZoneOffset.UTC);
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(ins.insert(tree));
            if (parent != null) c.setParentId(parent);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage("version\n");
            ObjectId id = ins.insert(c);
            ins.flush();
            return id;
        }
    }
}
