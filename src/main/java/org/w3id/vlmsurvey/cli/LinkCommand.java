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
import org.w3id.vlmsurvey.linking.PaperMetadata;
import org.w3id.vlmsurvey.linking.RemoteClient;
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
            "With --metadata: fetch each paper's authors and abstract from the arXiv API and dblp instead, into "
                    + "data/metadata.ttl.",
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
            description = "where to write the links (default: data/links.ttl; with --metadata, data/metadata.ttl)")
    Path output;

    @Option(
            names = "--batch-size",
            defaultValue = "50",
            description = "key values per query; with --metadata, arXiv ids per request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--metadata",
            description = "fetch the papers' authors and abstracts (arXiv API, dblp search) instead of links")
    boolean metadata;

    @Option(
            names = "--arxiv-url",
            paramLabel = "URL",
            defaultValue = PaperMetadata.ARXIV_URL,
            description = "with --metadata: the arXiv API's query URL (default: ${DEFAULT-VALUE})")
    String arxivUrl;

    @Option(
            names = "--dblp-url",
            paramLabel = "URL",
            defaultValue = PaperMetadata.DBLP_URL,
            description = "with --metadata: dblp's publication search URL (default: ${DEFAULT-VALUE})")
    String dblpUrl;

    @Option(
            names = "--delay",
            paramLabel = "MILLISECONDS",
            defaultValue = "3000",
            description =
                    "with --metadata: pause before each request but the first, as arXiv asks (default: ${DEFAULT-VALUE})")
    long delay;

    @Option(
            names = "--max-bytes",
            paramLabel = "N",
            defaultValue = "20000000",
            description = "with --metadata: the largest answer read, in bytes (default: ${DEFAULT-VALUE})")
    long maxBytes;

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
        if (metadata) return metadata();
        if (output == null) output = Path.of("data/links.ttl");
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> names = only == null ? List.of("wikidata", "dblp") : only;
        for (String n : names) {
            switch (n.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "wikidata" -> endpoints.add(Endpoint.wikidata(wikidata));
                case "dblp" -> endpoints.add(Endpoint.dblp(dblp));
                default -> throw Failure.usage("unknown endpoint '" + n + "': use wikidata or dblp");
            }
        }
        // --delay is the web APIs' rate limit (--metadata): the SPARQL endpoints are asked without a pause
        RemoteClient client = client(Duration.ZERO);
        SurveyGraph.Result result =
                source.build(source.resolve().withLinks(null).withMetadata(null), null);
        Linker.Outcome outcome =
                new Linker(new SparqlRemote(client), batchSize, Clock.systemUTC()).run(result.data(), endpoints);
        outcome.report().print(spec.commandLine().getOut());
        if (!outcome.report().anyAnswered()) throw Failure.io(output + ": not written: no endpoint answered", null);
        OutputOption.atomically(output, os -> Exporter.write(outcome.links(), Exporter.Format.TTL, os));
        spec.commandLine()
                .getOut()
                .println("wrote " + output
                        + (outcome.report().hasFailures() ? " (incomplete: some batches failed)" : ""));
        return outcome.report().hasFailures() ? Main.IO : Main.OK;
    }

    /**
     * The one client of both modes, from the options (checked here: a usage error names them): timeouts, tries,
     * back-off, the response cap, and {@code pause} before every request but the first.
     */
    private RemoteClient client(Duration pause) {
        if (batchSize < 1 || tries < 1 || backoff < 0 || maxBytes < 1 || delay < 0)
            throw Failure.usage(
                    "--batch-size, --tries and --max-bytes must be at least 1, --backoff and --delay not negative");
        return new RemoteClient(
                new RemoteClient.Settings(connectTimeout, timeout, tries, Duration.ofMillis(backoff), pause, maxBytes),
                RemoteClient.Pause.SLEEP);
    }

    /** {@code link --metadata}: authors and abstracts, with their provenance, into {@code data/metadata.ttl}. */
    private int metadata() {
        if (output == null) output = Path.of("data/" + SurveyGraph.Source.METADATA);
        RemoteClient client = client(Duration.ofMillis(delay));
        for (String url : List.of(arxivUrl, dblpUrl))
            if (!RemoteClient.isBaseUrl(url))
                throw Failure.usage("'" + url + "' is not an http(s) URL without query or fragment");
        SurveyGraph.Result result =
                source.build(source.resolve().withLinks(null).withMetadata(null), null);
        PaperMetadata.Outcome outcome = new PaperMetadata(
                        client, new PaperMetadata.Services(arxivUrl, dblpUrl, batchSize), Clock.systemUTC())
                .run(result.data());
        outcome.report().print(spec.commandLine().getOut());
        if (!outcome.report().anyAnswered()) throw Failure.io(output + ": not written: no request was answered", null);
        OutputOption.atomically(output, os -> Exporter.write(outcome.metadata(), Exporter.Format.TTL, os));
        spec.commandLine()
                .getOut()
                .println("wrote " + output
                        + (outcome.report().hasFailures() ? " (incomplete: some requests failed)" : ""));
        return outcome.report().hasFailures() ? Main.IO : Main.OK;
    }
}
