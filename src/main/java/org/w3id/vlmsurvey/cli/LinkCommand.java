package org.w3id.vlmsurvey.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.linking.Endpoint;
import org.w3id.vlmsurvey.linking.Linker;
import org.w3id.vlmsurvey.linking.SparqlRemote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "link",
        mixinStandardHelpOptions = true,
        description = {
            "Ask Wikidata and dblp for the entities matching the survey's papers and venues "
                    + "(by arXiv id, DOI, dblp venue id, title) and write the links, with their provenance, to a Turtle file "
                    + "that export and serve then include.",
            "Exits 0 when every batch was answered, 3 when some failed (the links found are still written)."
        })
final class LinkCommand implements Callable<Integer> {
    @Mixin
    SourceOption source = new SourceOption();

    @Option(
            names = "--wikidata",
            paramLabel = "URL",
            defaultValue = Endpoint.WIKIDATA_URL,
            description = "Wikidata SPARQL endpoint (default: ${DEFAULT-VALUE})")
    String wikidata;

    @Option(
            names = "--dblp",
            paramLabel = "URL",
            defaultValue = Endpoint.DBLP_URL,
            description = "dblp SPARQL endpoint (default: ${DEFAULT-VALUE})")
    String dblp;

    @Option(
            names = "--only",
            paramLabel = "NAME",
            split = ",",
            description = "ask only these endpoints: wikidata, dblp (default: both)")
    List<String> only;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            defaultValue = "data/links.ttl",
            description = "where to write the links (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(
            names = "--batch-size",
            defaultValue = "50",
            description = "key values per query (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "read timeout of one query: 10s, 500ms, 2m, or seconds (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "connect timeout, same format (default: ${DEFAULT-VALUE})")
    Duration connectTimeout;

    @Option(
            names = "--tries",
            defaultValue = "3",
            description = "tries per batch on 429, 5xx, timeouts and connection failures (default: ${DEFAULT-VALUE})")
    int tries;

    @Option(
            names = "--backoff",
            paramLabel = "MILLISECONDS",
            defaultValue = "2000",
            description = "wait before the second try, doubled before each further one (default: ${DEFAULT-VALUE})")
    long backoff;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> names = only == null ? List.of("wikidata", "dblp") : only;
        for (String n : names) {
            switch (n.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "wikidata" -> endpoints.add(Endpoint.wikidata(wikidata));
                case "dblp" -> endpoints.add(Endpoint.dblp(dblp));
                default -> throw Failure.usage("unknown endpoint '" + n + "': use wikidata or dblp");
            }
        }
        if (batchSize < 1 || tries < 1 || backoff < 0)
            throw Failure.usage("--batch-size and --tries must be at least 1, --backoff not negative");
        SurveyGraph.Result result = source.build(source.resolve().withLinks(null), null);
        var settings = new SparqlRemote.Settings(connectTimeout, timeout, tries, Duration.ofMillis(backoff));
        Linker.Outcome outcome =
                new Linker(new SparqlRemote(settings), batchSize, Clock.systemUTC()).run(result.data(), endpoints);
        outcome.report().print(spec.commandLine().getOut());
        if (!outcome.report().anyAnswered()) throw Failure.io(output + ": not written: no endpoint answered", null);
        OutputOption.atomically(output, os -> Exporter.write(outcome.links(), Exporter.Format.TTL, os));
        spec.commandLine()
                .getOut()
                .println("wrote " + output
                        + (outcome.report().hasFailures() ? " (incomplete: some batches failed)" : ""));
        return outcome.report().hasFailures() ? Main.IO : Main.OK;
    }
}
