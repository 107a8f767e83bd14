package org.w3id.vlmsurvey.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.query.QueryGuards;
import org.w3id.vlmsurvey.query.QueryPolicy;

/**
 * A SELECT query behind a page, kept in {@code queries/pages/NAME.rq} (bundled with the program): run against the
 * served dataset, and shown to the reader by a link to the query page ({@link #link()}). A page about one
 * resource {@linkplain #bind binds} a variable of the query to it; the query shown is then the one run.
 */
public final class PageQuery {
    public static final String FOLDER = "queries/pages/";
    private static final Map<String, PageQuery> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final String text;
    private final Query query;

    private PageQuery(String name, String text, Query query) {
        this.name = name;
        this.text = text;
        this.query = query;
    }

    /** The query {@code queries/pages/NAME.rq}, parsed once as SPARQL 1.1. */
    public static PageQuery of(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            String text = Bundled.text(FOLDER + n + ".rq");
            return new PageQuery(n, text, QueryFactory.create(text, Syntax.syntaxSPARQL_11));
        });
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /**
     * This query with {@code ?var} replaced by {@code value} everywhere (page queries do not project it): the value is
     * put into the parsed query, never into query text. The text shown to the reader ({@link #text()},
     * {@link #link()}) is the bound query written out; it is never parsed again.
     */
    public PageQuery bind(String var, Node value) {
        Query q = QueryTransformOps.replaceVars(query, Map.of(Var.alloc(var), value));
        return written(q);
    }

    /**
     * This query reading the named graph {@code graph} as its default graph ({@code FROM}): an older version's
     * graph, for a query that runs on the endpoint. Written out like {@link #bind}.
     */
    public PageQuery from(Node graph) {
        Query q = query.cloneQuery();
        q.addGraphURI(graph.getURI());
        return written(q);
    }

    /** {@code q} as a query of this name, its text this query's leading comments and {@code q} written out. */
    private PageQuery written(Query q) {
        StringBuilder comments = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) break;
            comments.append(line).append('\n');
        }
        return new PageQuery(name, comments + q.serialize(), q);
    }

    /**
     * The answer on {@code dataset}, read in one read transaction, under the same rules as a query of the endpoint:
     * the dataset's {@link QueryPolicy} (property functions, text search limits, rows held), the {@link QueryGuards}
     * (bounded strings, regex deadline), the federated-query policy and the timeout set in the dataset's context.
     */
    public Table run(DatasetGraph dataset) {
        Query checked = QueryPolicy.of(dataset.getContext()).check(query);
        Query guarded = QueryGuards.apply(checked);
        long timeout = QueryGuards.timeoutMillis(dataset.getContext());
        return Txn.calculateRead(dataset, () -> {
            var builder = QueryExec.dataset(dataset).query(guarded);
            if (timeout > 0) builder.timeout(timeout, java.util.concurrent.TimeUnit.MILLISECONDS);
            try (QueryExec qe = builder.build()) {
                return Table.of(qe.select());
            }
        });
    }

    /** Where to see (and edit, and run) this query: the query page with the query in its {@code #query=} fragment. */
    public String link() {
        return Endpoints.EDITOR + "#query="
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What the layout lists under "How this page is made": a name, the link, and the file. */
    public Map<String, String> shown(String what) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", what);
        m.put("link", link());
        m.put("file", FOLDER + name + ".rq");
        return m;
    }
}
