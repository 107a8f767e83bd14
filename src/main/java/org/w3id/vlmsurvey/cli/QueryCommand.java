package org.w3id.vlmsurvey.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.query.ServicePolicy;
import org.w3id.vlmsurvey.query.SurveyQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Run a SPARQL query against the survey graph (with the ontology), in-process, or against a SPARQL endpoint.",
            "SELECT and ASK answers are written as a table, CSV, TSV or JSON; CONSTRUCT and DESCRIBE as Turtle."
        })
final class QueryCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    QueryText text;

    static final class QueryText {
        @Parameters(paramLabel = "FILE.rq", description = "the file holding the query")
        Path file;

        @Option(
                names = {"-q", "--query"},
                paramLabel = "SPARQL",
                description = "the query itself")
        String query;
    }

    @Mixin
    SourceOption source = new SourceOption();

    @Option(
            names = {"-e", "--endpoint"},
            paramLabel = "URL",
            description = "ask this SPARQL endpoint instead of the survey graph built in-process")
    String endpoint;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "table",
            description =
                    "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); CONSTRUCT and DESCRIBE always give Turtle")
    SurveyQuery.Format format;

    @Mixin
    OutputOption output = new OutputOption();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.OrZero.class,
            description =
                    "stop the query after this long: 10s, 500ms, 2m, or seconds; 0 for no limit (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(
            names = "--history",
            paramLabel = "FILE.trig",
            description =
                    "ask the survey's history written by the history command (versions as named graphs) instead of the survey graph")
    Path history;

    @Option(
            names = "--allow-service",
            arity = "1..*",
            paramLabel = "HOST",
            description =
                    "allow federated SERVICE in-process to these endpoints (host, host:port or endpoint URL, as for serve; "
                            + "off by default: a query must not reach out to other servers unasked)")
    List<String> allowService = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String origin, sparql;
        if (text.file != null) {
            origin = text.file.toString();
            try {
                sparql = Files.readString(text.file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Failure.io(
                        Problem.error(origin, 0, "cannot read the query: " + e).toString(), e);
            }
        } else {
            origin = "--query";
            sparql = text.query;
        }
        SurveyQuery query = SurveyQuery.parse(sparql, origin);
        long timeoutMillis = timeout.isZero() ? 0 : Math.max(1, timeout.toMillis());
        ServicePolicy services = new ServicePolicy(allowService);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            QueryExecution exec;
            if (endpoint != null) {
                exec = query.remote(endpoint, timeoutMillis);
            } else if (history != null) {
                exec = query.local(org.w3id.vlmsurvey.history.History.read(history), timeoutMillis, services);
            } else {
                SurveyGraph.Result result = source.build();
                // Warnings are for "check"; errors mean the answer may be wrong, so they are shown.
                SourceOption.print(
                        err, result.problems().stream().filter(Problem::isError).toList());
                exec = query.local(Exporter.union(SurveyGraph.ontology(), result.data()), timeoutMillis, services);
            }
            Graph graph = query.execute(exec, format, answer);
            if (graph != null) Exporter.write(graph, Exporter.Format.TTL, answer);
        } catch (QueryException | HttpException e) {
            throw Failure.query(origin + ": error: " + failure(e), e);
        }
        output.write(spec.commandLine().getOut(), answer::writeTo);
        return Main.OK;
    }

    /** What went wrong with a query that parsed, for its error line. */
    private String failure(RuntimeException e) {
        if (e instanceof QueryCancelledException)
            return "the query did not finish within " + DurationConverter.format(timeout) + " (--timeout)";
        if (e instanceof QueryExceptionHTTP h)
            return (endpoint != null ? endpoint : "a SERVICE endpoint") + " answered: "
                    + http(h.getStatusCode(), h.getMessage());
        if (e instanceof HttpException h)
            return (endpoint != null ? endpoint : "a SERVICE endpoint") + " answered: "
                    + http(h.getStatusCode(), h.getMessage());
        if (e instanceof QueryDeniedException)
            return e.getMessage() + " (federated SERVICE is off unless --allow-service)";
        return e.getMessage();
    }

    /** "HTTP 404 Not Found", or the failure alone when there was no HTTP answer (connection refused). */
    private static String http(int status, String message) {
        return status > 0 ? "HTTP " + status + " " + message : String.valueOf(message);
    }
}
