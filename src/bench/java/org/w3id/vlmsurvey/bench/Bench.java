package org.w3id.vlmsurvey.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vlm-survey-kg-bench}: the benchmark tools, kept out of the product jar. Built by {@code ./mvnw -Pbench
 * package} into {@code target/vlm-survey-kg-bench.jar}, whose manifest puts {@code vlm-survey-kg.jar} (the
 * product, beside it) on the class path, so the benchmarks measure the shipped jar.
 */
@Command(
        name = "vlm-survey-kg-bench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Benchmark tools for vlm-survey-kg (not part of the product).",
        subcommands = {
            GenerateCommand.class,
            Bench.Loader.class,
            Bench.Build.class,
            Bench.Load.class,
            Bench.Live.class,
            Bench.Search.class,
            CommandLine.HelpCommand.class
        })
public final class Bench implements Runnable {
    static final int OK = 0, USAGE = 2, IO = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Command(
            name = "search-eval",
            description = "The search evaluation (recall@10, MRR, nDCG@10) on the bundled survey: see SearchEval.")
    static final class Search implements Callable<Integer> {
        @CommandLine.Option(names = "-v", description = "also each query's first 10 hits")
        boolean verbose;

        @Override
        public Integer call() {
            SearchEval.main(verbose ? new String[] {"-v"} : new String[0]);
            return OK;
        }
    }

    @Command(name = "loader", description = "The loader beside Jena RIOT: see LoaderBench.", usageHelpAutoWidth = true)
    static final class Loader implements Callable<Integer> {
        @Parameters(paramLabel = "ARG", description = "FILE.md ENTRIES REPS WORKDIR")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            LoaderBench.main(args.toArray(String[]::new));
            return OK;
        }
    }

    @Command(
            name = "build",
            description = "SurveyGraph.build before and after the partitioned mapping: see BuildBench.")
    static final class Build implements Callable<Integer> {
        @Parameters(paramLabel = "ARG", description = "[FILE.md|bundled] [REPS]")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            BuildBench.main(args.toArray(String[]::new));
            return OK;
        }
    }

    @Command(name = "loadgen", description = "Closed-loop SPARQL load on a loopback endpoint: see LoadGen.")
    static final class Load implements Callable<Integer> {
        @CommandLine.Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            LoadGen.main(args.toArray(String[]::new));
            return OK;
        }
    }

    @Command(
            name = "live",
            description =
                    "Live heap held by our built graph, or by Jena's graph of the same N-Triples: see LiveHeapBench.")
    static final class Live implements Callable<Integer> {
        @Parameters(paramLabel = "ARG", description = "ours FILE.md | jena FILE.nt")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            LiveHeapBench.main(args.toArray(String[]::new));
            return OK;
        }
    }
}
