package org.w3id.vlmsurvey.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.bundle.Bundled;

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

    private PageQuery(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The query {@code queries/pages/NAME.rq}. */
    public static PageQuery of(String name) {
        return LOADED.computeIfAbsent(name, n -> new PageQuery(n, Bundled.text(FOLDER + n + ".rq")));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** This query with {@code ?var} replaced by {@code value} everywhere (page queries do not project it). */
    public PageQuery bind(String var, Node value) {
        Query q = QueryTransformOps.replaceVars(QueryFactory.create(text), Map.of(Var.alloc(var), value));
        StringBuilder comments = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) break;
            comments.append(line).append('\n');
        }
        return new PageQuery(name, comments + q.serialize());
    }

    /** The answer on {@code dataset}, read in one read transaction. */
    public Table run(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(text).build()) {
                return Table.of(qe.select());
            }
        });
    }

    /** Where to see (and edit, and run) this query: the query page with the query in its {@code #query=} fragment. */
    public String link() {
        return "/#query=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
