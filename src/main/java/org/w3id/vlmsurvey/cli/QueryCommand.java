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
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the source has errors",
            "2:usage error, or the query does not parse (FILE:LINE:COLUMN: error: message)",
            "3:the query file cannot be read",
            "4:the query failed: timeout, SERVICE not allowed, or the endpoint answered with an error"
        })
final class QueryCommand implements Callable<Integer> {
    /** Exit code of a query that parsed but could not be answered. */
    static final int QUERY_FAILED = 4;

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
                    "table, csv, tsv or json (default: ${DEFAULT-VALUE}); CONSTRUCT and DESCRIBE always give Turtle")
    String format;

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
        SurveyQuery.Format f;
        try {
            f = SurveyQuery.Format.parse(format);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.USAGE;
        }
        String origin, sparql;
        if (text.file != null) {
            origin = text.file.toString();
            try {
                sparql = Files.readString(text.file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(Problem.error(origin, 0, "cannot read the query: " + e));
                return Main.IO;
            }
        } else {
            origin = "--query";
            sparql = text.query;
        }
        SurveyQuery query;
        try {
            query = SurveyQuery.parse(sparql, origin);
        } catch (SurveyQuery.SyntaxError e) {
            err.println(e);
            return Main.USAGE;
        }
        long timeoutMillis = timeout.isZero() ? 0 : Math.max(1, timeout.toMillis());
        ServicePolicy services;
        try {
            services = new ServicePolicy(allowService);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.USAGE;
        }
        QueryExecution exec;
        if (endpoint != null) {
            exec = query.remote(endpoint, timeoutMillis);
        } else if (history != null) {
            try {
                exec = query.local(org.w3id.vlmsurvey.history.History.read(history), timeoutMillis, services);
            } catch (org.w3id.vlmsurvey.diagnostics.SourceException e) {
                err.println(e.problem());
                return Main.PROBLEMS;
            }
        } else {
            SurveyGraph.Result result = SourceOption.build(source.resolve(), err);
            if (result == null) return Main.PROBLEMS;
            // Warnings are for "check"; errors mean the answer may be wrong, so they are shown.
            SourceOption.print(
                    err, result.problems().stream().filter(Problem::isError).toList());
            try {
                exec = query.local(Exporter.union(SurveyGraph.ontology(), result.data()), timeoutMillis, services);
            } catch (ServicePolicy.Refused e) {
                err.println(origin + ": error: " + e.getMessage());
                return QUERY_FAILED;
            }
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            Graph graph = query.execute(exec, f, answer);
            if (graph != null) Exporter.write(graph, Exporter.Format.TTL, answer);
        } catch (QueryCancelledException e) {
            err.println(origin + ": error: the query did not finish within " + DurationConverter.format(timeout)
                    + " (--timeout)");
            return QUERY_FAILED;
        } catch (QueryExceptionHTTP e) {
            err.println(
                    origin + ": error: " + endpointOrLocal() + " answered: " + http(e.getStatusCode(), e.getMessage()));
            return QUERY_FAILED;
        } catch (HttpException e) {
            err.println(
                    origin + ": error: " + endpointOrLocal() + " answered: " + http(e.getStatusCode(), e.getMessage()));
            return QUERY_FAILED;
        } catch (QueryDeniedException e) {
            err.println(origin + ": error: " + e.getMessage() + " (federated SERVICE is off unless --allow-service)");
            return QUERY_FAILED;
        } catch (QueryException e) {
            err.println(origin + ": error: " + e.getMessage());
            return QUERY_FAILED;
        }
        var out = spec.commandLine().getOut();
        out.print(answer.toString(StandardCharsets.UTF_8));
        out.flush();
        return Main.OK;
    }

    /** "HTTP 404 Not Found", or the failure alone when there was no HTTP answer (connection refused). */
    private static String http(int status, String message) {
        return status > 0 ? "HTTP " + status + " " + message : String.valueOf(message);
    }

    private String endpointOrLocal() {
        return endpoint != null ? endpoint : "a SERVICE endpoint";
    }
}
