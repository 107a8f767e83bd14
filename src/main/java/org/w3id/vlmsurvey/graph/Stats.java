package org.w3id.vlmsurvey.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** Counts of a built graph: resources per class and papers per method category. */
public record Stats(long triples, Map<String, Long> classes, List<CategoryCount> categories) {

    /** Papers filed directly under a category, and under it or any of its sub-categories. */
    public record CategoryCount(String label, int depth, long direct, long total) {}

    private static final String PREFIXES =
            """
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    private static final String[] CLASSES = {
        "Paper",
        "Dataset",
        "PretrainingDataset",
        "EvaluationDataset",
        "MethodCategory",
        "EvaluationTask",
        "EvaluationMetric",
        "Venue",
        "CodeRepository"
    };

    public static Stats of(Graph g) {
        Map<String, Long> classes = new LinkedHashMap<>();
        for (String c : CLASSES)
            classes.put("vlm:" + c, count(g, "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a vlm:" + c + " }"));
        List<CategoryCount> cats = new ArrayList<>();
        String q = PREFIXES
                + """
                SELECT ?label (MAX(?d) AS ?depth) ?line
                       (COUNT(DISTINCT ?direct) AS ?directN) (COUNT(DISTINCT ?any) AS ?totalN) {
                  ?c a vlm:MethodCategory ; skos:prefLabel ?label ; vlm:sourceLine ?line .
                  { SELECT ?c (COUNT(?up) AS ?d) { ?c a vlm:MethodCategory . OPTIONAL { ?c skos:broader+ ?up } } GROUP BY ?c }
                  OPTIONAL { ?direct vlm:category ?c }
                  OPTIONAL { ?any vlm:category/skos:broader* ?c }
                } GROUP BY ?c ?label ?line ORDER BY ?line
                """;
        try (QueryExec qe = QueryExec.graph(g).query(q).build()) {
            RowSet rs = qe.select();
            while (rs.hasNext()) {
                Binding b = rs.next();
                cats.add(new CategoryCount(
                        b.get(Var.alloc("label")).getLiteralLexicalForm(),
                        num(b, "depth").intValue(),
                        num(b, "directN"),
                        num(b, "totalN")));
            }
        }
        return new Stats(g.size(), classes, cats);
    }

    /** Rows, list items and paragraph lines that link a paper (mapping/05-paper-link-lines.rq), and how many were read. */
    public record PaperLinkLines(long read, long all) {
        /** The lines of several surveys together. */
        public PaperLinkLines plus(PaperLinkLines other) {
            return new PaperLinkLines(read + other.read, all + other.all);
        }

        @Override
        public String toString() {
            return String.format("%-28s %8d of %d%n", "lines with a paper link read", read, all);
        }
    }

    /** How many of the lines of a built graph that link a paper became a paper or a dataset. */
    public static PaperLinkLines paperLinkLines(SurveyGraph.Result r) {
        String q =
                """
                PREFIX src: <https://w3id.org/vlm-survey/source#>
                SELECT (COUNT(DISTINCT ?x) AS ?n) (COUNT(DISTINCT ?read) AS ?r) {
                  ?x src:paperLinked true .
                  OPTIONAL { ?x src:paper|src:dataset ?any BIND (?x AS ?read) }
                }""";
        try (QueryExec qe = QueryExec.graph(r.working()).query(q).build()) {
            Binding b = qe.select().next();
            return new PaperLinkLines(num(b, "r"), num(b, "n"));
        }
    }

    private static Long num(Binding b, String var) {
        return Long.parseLong(b.get(Var.alloc(var)).getLiteralLexicalForm());
    }

    private static long count(Graph g, String select) {
        try (QueryExec qe = QueryExec.graph(g).query(PREFIXES + select).build()) {
            return num(qe.select().next(), "n");
        }
    }

    /** The first lines of {@link #render}: the triples as served and the resources per class. */
    public String renderCounts(TripleCounts served) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "%-28s %8d = %d data + %d ontology + %d links%n",
                "triples (as served)", served.total(), served.data(), served.ontology(), served.links()));
        classes.forEach((c, n) -> sb.append(String.format("%-28s %8d%n", c, n)));
        return sb.toString();
    }

    /** The report of {@code stats}; {@code served} says what the triple count includes (see {@link TripleCounts}). */
    public String render(TripleCounts served) {
        StringBuilder sb = new StringBuilder(renderCounts(served));
        sb.append(String.format("%nPapers per method category (direct / including sub-categories):%n"));
        for (CategoryCount c : categories)
            sb.append(String.format("  %-60s %4d %4d%n", "  ".repeat(c.depth()) + c.label(), c.direct(), c.total()));
        return sb.toString();
    }
}
