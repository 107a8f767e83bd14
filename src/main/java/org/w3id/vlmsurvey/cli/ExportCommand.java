package org.w3id.vlmsurvey.cli;

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
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Exporter.Format format;

    @Mixin
    OutputOption output = new OutputOption();

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
        if (stream && format != Exporter.Format.NT)
            throw Failure.usage("--stream writes N-Triples only: add --format nt");
        if (stream && source.source != null && source.source.size() > 1)
            throw Failure.usage("--stream writes one survey: give one --source");
        var err = spec.commandLine().getErr();
        SurveyGraph.Result[] built = {null};
        output.write(spec.commandLine().getOut(), os -> {
            if (stream) {
                // a source that fails leaves no file (the output is moved into place only once complete)
                Exporter.NTriplesStream writer =
                        new Exporter.NTriplesStream(os, noOntology ? null : SurveyGraph.ontology());
                try {
                    built[0] = source.build(source.resolve(), writer);
                } finally {
                    writer.finish();
                }
            } else {
                built[0] = source.build();
                Graph[] graphs = noOntology
                        ? new Graph[] {built[0].data()}
                        : new Graph[] {SurveyGraph.ontology(), built[0].data()};
                Exporter.write(format, os, graphs);
            }
        });
        SourceOption.print(err, built[0].problems());
        return built[0].hasErrors() ? Main.PROBLEMS : Main.OK;
    }
}
