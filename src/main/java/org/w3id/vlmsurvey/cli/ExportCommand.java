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
        SurveyGraph.Result result =
                SourceOption.build(source.resolve(), spec.commandLine().getErr());
        if (result == null) return Main.PROBLEMS;
        SourceOption.print(spec.commandLine().getErr(), result.problems());
        Graph out = noOntology ? result.data() : Exporter.union(SurveyGraph.ontology(), result.data());
        try {
            if (output == null) {
                Exporter.write(out, f, System.out);
                System.out.flush();
            } else {
                if (output.toAbsolutePath().getParent() != null)
                    Files.createDirectories(output.toAbsolutePath().getParent());
                try (OutputStream os = Files.newOutputStream(output)) {
                    Exporter.write(out, f, os);
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
}
