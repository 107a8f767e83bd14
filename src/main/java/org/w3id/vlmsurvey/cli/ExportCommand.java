package org.w3id.vlmsurvey.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the ontology and the survey graph (Turtle by default; the same bytes for the same input).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Option(
            names = {"-f", "--format"},
            defaultValue = "ttl",
            description = "ttl, nt, jsonld or rdfxml (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "output file (default: standard output)")
    Path output;

    @Option(names = "--no-ontology", description = "write the data only, without the ontology")
    boolean noOntology;

    @Option(
            names = "--stream",
            description = "N-Triples only: write the triples as the partitions of the survey are mapped (the ontology, "
                    + "then each batch of tables and entries in source order, sorted within it), not sorted as a whole; "
                    + "the same bytes on any number of threads")
    boolean stream;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Exporter.Format f;
        try {
            f = Exporter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.USAGE;
        }
        if (stream && f != Exporter.Format.NT) {
            spec.commandLine().getErr().println("--stream writes N-Triples only: add --format nt");
            return Main.USAGE;
        }
        if (stream) return streamed();
        SurveyGraph.Result result =
                SourceOption.build(source.resolve(), spec.commandLine().getErr());
        if (result == null) return Main.PROBLEMS;
        SourceOption.print(spec.commandLine().getErr(), result.problems());
        Graph[] out = noOntology ? new Graph[] {result.data()} : new Graph[] {SurveyGraph.ontology(), result.data()};
        try {
            if (output == null) {
                Exporter.write(f, System.out, out);
                System.out.flush();
            } else {
                if (output.toAbsolutePath().getParent() != null)
                    Files.createDirectories(output.toAbsolutePath().getParent());
                try (OutputStream os = Files.newOutputStream(output)) {
                    Exporter.write(f, os, out);
                }
            }
        } catch (IOException e) {
            spec.commandLine()
                    .getErr()
                    .println((output == null ? "stdout" : output) + ": cannot write: " + e.getMessage());
            return Main.IO;
        }
        return result.hasErrors() ? Main.PROBLEMS : Main.OK;
    }

    /**
     * {@code --stream}: N-Triples written while the survey is mapped. To a file, through {@code FILE.part}, moved
     * into place once complete (a source that fails leaves no file); to standard output, a failure after the first
     * triples leaves them written, and the exit code says so.
     */
    private int streamed() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        Path part = null;
        OutputStream os = System.out;
        try {
            if (output != null) {
                Path target = output.toAbsolutePath();
                if (target.getParent() != null) Files.createDirectories(target.getParent());
                part = target.resolveSibling(target.getFileName() + ".part");
                os = new java.io.BufferedOutputStream(Files.newOutputStream(part));
            }
            Exporter.NTriplesStream writer =
                    new Exporter.NTriplesStream(os, noOntology ? null : SurveyGraph.ontology());
            SurveyGraph.Result result;
            try {
                result =
                        SurveyGraph.build(source.resolve(), org.w3id.vlmsurvey.mapping.SurveyMapping.threads(), writer);
            } catch (org.w3id.vlmsurvey.diagnostics.SourceException e) {
                writer.finish();
                err.println(e.problem());
                return Main.PROBLEMS;
            }
            writer.finish();
            SourceOption.print(err, result.problems());
            if (part != null) {
                os.close();
                Files.move(part, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                part = null;
            }
            return result.hasErrors() ? Main.PROBLEMS : Main.OK;
        } catch (IOException | org.apache.jena.atlas.RuntimeIOException e) {
            err.println((output == null ? "stdout" : output) + ": cannot write: " + e.getMessage());
            return Main.IO;
        } finally {
            if (part != null) {
                try {
                    os.close();
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    err.println(part + ": cannot remove: " + e.getMessage());
                }
            }
        }
    }
}
