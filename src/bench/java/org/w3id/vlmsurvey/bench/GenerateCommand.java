package org.w3id.vlmsurvey.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write a synthetic survey README of the real survey's shape (for benchmarks): "
                + "the same seed and size give the same file.")
final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = {"-n", "--entries"},
            required = true,
            paramLabel = "N",
            description = "number of table rows and bullet entries")
    int entries;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE.md",
            description = "output file")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (entries < 1) {
            spec.commandLine().getErr().println("--entries must be at least 1");
            return Bench.USAGE;
        }
        try {
            if (output.toAbsolutePath().getParent() != null)
                Files.createDirectories(output.toAbsolutePath().getParent());
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
                SurveyGenerator.Counts c = SurveyGenerator.write(entries, seed, w);
                spec.commandLine()
                        .getErr()
                        .printf(
                                "%s: %d entries (%d paper rows, %d bullet entries, %d dataset rows), "
                                        + "%d papers, %d datasets, %d headings, %d lines%n",
                                output,
                                c.entries(),
                                c.paperRows(),
                                c.bulletEntries(),
                                c.datasetRows(),
                                c.papers(),
                                c.datasets(),
                                c.sections(),
                                c.lines());
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println(output + ": cannot write: " + e.getMessage());
            return Bench.IO;
        }
        return Bench.OK;
    }
}
