package org.w3id.vlmsurvey.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;

/**
 * One SPARQL query, parsed with its origin (a file name or "--query") so that a syntax error names
 * FILE:LINE:COLUMN, run against a graph in-process or against a remote endpoint, with its answer written
 * as a table, CSV, TSV or JSON (SELECT, ASK) or as sorted Turtle (CONSTRUCT, DESCRIBE).
 */
public final class SurveyQuery {

    /** How SELECT and ASK answers are written. */
    public enum Format {
        TABLE(null),
        CSV(ResultSetLang.RS_CSV),
        TSV(ResultSetLang.RS_TSV),
        JSON(ResultSetLang.RS_JSON);

        final Lang lang;

        Format(Lang lang) {
            this.lang = lang;
        }

        /** The name {@code --format} takes and its help lists. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A query that does not parse: {@code FILE:LINE:COLUMN: error: parser message}. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String origin;
        private final int line, column;

        SyntaxError(String origin, int line, int column, String message) {
            super(message);
            this.origin = origin;
            this.line = line;
            this.column = column;
        }

        public String origin() {
            return origin;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        @Override
        public String toString() {
            String where = line > 0 ? origin + ":" + line + (column > 0 ? ":" + column : "") : origin;
            return where + ": error: " + getMessage();
        }
    }

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final String origin;
    private final Query query;

    private SurveyQuery(String origin, Query query) {
        this.origin = origin;
        this.query = query;
    }

    /** Parses a query (SPARQL 1.1 with ARQ extensions); {@code origin} names it in error messages. */
    public static SurveyQuery parse(String text, String origin) {
        try {
            return new SurveyQuery(origin, QueryFactory.create(text, Syntax.syntaxARQ));
        } catch (QueryParseException e) {
            // The parser's first line says what it found and where ("Encountered "}" at line 2, column 8.");
            // the list of expected tokens that follows is left out. Its position is that of the offending token,
            // where getLine/getColumn give the last token read before it, so the message's position wins.
            String message = e.getMessage() == null
                    ? "syntax error"
                    : e.getMessage().strip().lines().findFirst().orElse("");
            Matcher at = POSITION.matcher(message);
            if (at.find())
                throw new SyntaxError(origin, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)), message);
            throw new SyntaxError(origin, e.getLine(), e.getColumn(), message);
        }
    }

    public Query query() {
        return query;
    }

    public String origin() {
        return origin;
    }

    /**
     * Runs in-process against a graph. The timeout (milliseconds, 0 or less for none) bounds the whole
     * execution; SERVICE clauses follow the {@link ServicePolicy} (the one {@code serve} uses), and the query runs
     * with the {@link QueryGuards} (regex deadline, bounded strings, spill to disk).
     *
     * @throws ServicePolicy.Refused if the query names a SERVICE the policy refuses, anywhere in it
     */
    public QueryExecution local(Graph graph, long timeoutMillis, ServicePolicy services) {
        return local(DatasetGraphFactory.wrap(graph), timeoutMillis, services);
    }

    /** Runs in-process against a dataset (its default graph and named graphs), as {@link #local(Graph, long, ServicePolicy)}. */
    public QueryExecution local(
            org.apache.jena.sparql.core.DatasetGraph dataset, long timeoutMillis, ServicePolicy services) {
        services.check(query);
        var builder = QueryExecution.create().query(QueryGuards.apply(query)).dataset(DatasetFactory.wrap(dataset));
        org.apache.jena.sparql.util.Context cxt = new org.apache.jena.sparql.util.Context();
        services.install(cxt);
        QueryGuards.install(cxt);
        builder.context(cxt);
        if (timeoutMillis > 0) {
            builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            cxt.set(ARQ.queryTimeout, Long.toString(timeoutMillis));
        }
        return builder.build();
    }

    /** Runs against a SPARQL endpoint over HTTP; the timeout bounds the whole request. */
    public QueryExecution remote(String endpoint, long timeoutMillis) {
        var builder = QueryExecutionHTTP.service(endpoint).query(query);
        if (timeoutMillis > 0) builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        return builder.build();
    }

    /**
     * Executes; writes the answer of SELECT and ASK in the given format and returns null, returns the graph that
     * CONSTRUCT and DESCRIBE answer (written by the caller, e.g. sorted like {@code export}).
     */
    public Graph execute(QueryExecution exec, Format format, OutputStream out) {
        try (exec) {
            if (query.isSelectType()) {
                ResultSet rs = exec.execSelect();
                if (format == Format.TABLE) ResultSetFormatter.out(out, rs, query.getPrefixMapping());
                else ResultSetMgr.write(out, rs, format.lang);
            } else if (query.isAskType()) {
                boolean answer = exec.execAsk();
                if (format == Format.TABLE) {
                    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
                    ps.println(answer ? "yes" : "no");
                    ps.flush();
                } else ResultSetMgr.write(out, answer, format.lang);
            } else {
                Model m = query.isConstructType() ? exec.execConstruct() : exec.execDescribe();
                return m.getGraph();
            }
            return null;
        }
    }
}
