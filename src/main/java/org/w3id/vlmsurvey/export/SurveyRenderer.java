package org.w3id.vlmsurvey.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * Writes the survey back as Markdown from its graph: the head of the source (everything above the first heading
 * that holds a table or an entry) kept as it was, then every heading from there on with its level and title, and under
 * each its tables and lists in the survey's own shapes, in source order:
 * <ul>
 *   <li>a paper table {@code | Paper | Published in | Code/Project |}, rows {@code |[Title](link)|CVPR 2022|[Code](url)|};
 *   <li>a pre-training dataset table {@code | Dataset | Year | Num of Image-Text Paris | Language | Project |} and an
 *       evaluation dataset table {@code | Dataset | Year | Classes | Training | Testing | Evaluation Metric | Project |};
 *   <li>bullet entries {@code * [Venue Year] Title [[Paper](url)][[Code](url)]} (News and the later lists), and the
 *       numbered lists of the first versions, {@code 1. Title (Short) [[Paper](url)][[Code](url)]}, for entries that
 *       name no venue.
 * </ul>
 * Every cell comes from the graph (SPARQL over the data: what each {@code vlm:SurveyEntry} lists, the paper's code,
 * the dataset's numbers), placed by the summary of the source (headings, tables, rows and entries with their lines;
 * {@link SurveyGraph.Result#working()}). Reading the rendered file gives the same graph but for {@code vlm:sourceLine}
 * and {@code vlm:sourceDocument}. Rows and entries the mapping could not read (reported as problems) are left out.
 */
public final class SurveyRenderer {

    private static final String PREFIXES =
            """
            PREFIX src: <https://w3id.org/vlm-survey/source#>
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX schema: <https://schema.org/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    /** The headings, in source order. */
    private static final String SECTIONS = PREFIXES
            + "SELECT ?section ?line ?level ?title ?parent { ?section a src:Section ; src:line ?line ; src:level ?level ;"
            + " src:title ?title . OPTIONAL { ?section src:parent ?parent } } ORDER BY ?line";

    /**
     * The blocks of the survey: every table row and list entry the mapping read, with its section, its table (none for
     * an entry) and the table's kind, and the survey entry of the graph at its line.
     */
    private static final String LISTINGS = PREFIXES
            + """
            SELECT ?line ?section ?table ?kind ?entry {
              { ?row src:table ?table . ?table src:kind ?kind ; src:section ?section . ?row src:line ?line }
              UNION
              { ?row a src:ListItem ; src:kind ?kind ; src:section ?section ; src:line ?line .
                FILTER (?kind IN ("paper-entry", "dataset-entry")) }
              ?entry a vlm:SurveyEntry ; vlm:sourceLine ?line .
            } ORDER BY ?line
            """;

    /** What one survey entry lists: its fields, and those of the paper or dataset it lists. */
    private static final String ENTRY = PREFIXES
            + """
            PREFIX fabio: <http://purl.org/spar/fabio/>
            SELECT ?title ?link ?venue ?year ?codeUrl ?page ?notPublic ?pairs ?language ?classes ?training ?testing
                   (GROUP_CONCAT(DISTINCT ?metric; separator=", ") AS ?metrics)
            {
              ?entry vlm:listedTitle ?title ; vlm:lists ?thing .
              OPTIONAL { ?entry vlm:listedLink ?link }
              OPTIONAL { ?entry vlm:venueLabel ?venue }
              OPTIONAL { ?entry vlm:listedYear ?year }
              OPTIONAL { ?entry vlm:listedCode ?code . OPTIONAL { ?code schema:codeRepository ?repo }
                         OPTIONAL { ?code schema:url ?url } BIND (COALESCE(?url, ?repo) AS ?codeUrl) }
              OPTIONAL { ?entry vlm:listedProjectPage ?page }
              BIND (EXISTS { ?thing vlm:codeAvailability vlm:CodeNotPublic } AS ?notPublic)
              OPTIONAL { ?thing vlm:imageTextPairsLabel ?pairs }
              OPTIONAL { ?thing vlm:languageLabel ?language }
              OPTIONAL { ?thing vlm:numberOfClasses ?classes }
              OPTIONAL { ?thing vlm:trainingSize ?training }
              OPTIONAL { ?thing vlm:testingSize ?testing }
              OPTIONAL { ?thing vlm:evaluationMetric/skos:prefLabel ?metric }
            } GROUP BY ?title ?link ?venue ?year ?codeUrl ?page ?notPublic ?pairs ?language ?classes ?training ?testing
            """;

    static final String PAPER_HEADER = "| Paper | Published in | Code/Project |\n|---|:---:|:---:|\n";
    static final String PRETRAINING_HEADER =
            "| Dataset | Year | Num of Image-Text Paris | Language | Project |\n|---|:---:|:---:|:---:|:---:|\n";
    static final String EVALUATION_HEADER =
            "| Dataset | Year | Classes | Training | Testing | Evaluation Metric | Project |\n"
                    + "|---|:---:|:---:|:---:|:---:|:---:|:---:|\n";

    private SurveyRenderer() {}

    /**
     * The survey of a built graph as Markdown.
     *
     * @param result the built graph (its data and its summary)
     * @param source the Markdown it was built from, for its head
     */
    public static String render(SurveyGraph.Result result, String source) {
        Graph view = new org.apache.jena.graph.compose.Union(result.working(), result.data());
        List<Binding> sections = select(view, SECTIONS);
        // the blocks of each section, in source order: a table (its rows) or a run of list entries
        Map<Node, List<Block>> blocks = new LinkedHashMap<>();
        Block last = null;
        for (Binding b : select(view, LISTINGS)) {
            Node section = b.get("section"), table = b.get("table");
            String kind = b.get("kind").getLiteralLexicalForm();
            if (last == null || !last.section.equals(section) || !java.util.Objects.equals(last.table, table)) {
                last = new Block(section, table, kind, new ArrayList<>());
                blocks.computeIfAbsent(section, k -> new ArrayList<>()).add(last);
            }
            last.entries.add(b.get("entry"));
        }
        // the head: every line above the first heading at or above which something is listed
        java.util.Set<Node> holding = new java.util.HashSet<>();
        Map<Node, Node> parent = new TreeMap<>(java.util.Comparator.comparing(Node::toString));
        for (Binding s : sections) if (s.get("parent") != null) parent.put(s.get("section"), s.get("parent"));
        for (Node section : blocks.keySet()) for (Node n = section; n != null; n = parent.get(n)) holding.add(n);
        int firstLine = Integer.MAX_VALUE;
        for (Binding s : sections)
            if (holding.contains(s.get("section"))) firstLine = Math.min(firstLine, integer(s.get("line")));
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\\R", -1);
        for (int i = 0; i < Math.min(firstLine - 1, lines.length); i++)
            out.append(lines[i]).append('\n');
        for (Binding s : sections) {
            if (integer(s.get("line")) < firstLine) continue;
            if (out.length() > 0 && !out.toString().endsWith("\n\n")) out.append('\n');
            out.append("#".repeat(integer(s.get("level"))))
                    .append(' ')
                    .append(s.get("title").getLiteralLexicalForm())
                    .append("\n\n");
            for (Block block : blocks.getOrDefault(s.get("section"), List.of())) {
                block.write(view, out);
                out.append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").replaceAll("\n+$", "\n");
    }

    /** A table (with its kind) or a run of list entries of one section, with the survey entries of its rows. */
    private record Block(Node section, Node table, String kind, List<Node> entries) {
        void write(Graph view, StringBuilder out) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Node e : entries) rows.add(fields(view, e));
            switch (kind) {
                case "papers" -> {
                    out.append(PAPER_HEADER);
                    for (Map<String, String> r : rows)
                        out.append(row(linked(r.get("title"), r.get("link")), or(r.get("venue")), codeCell(r)));
                }
                case "pretraining-datasets" -> {
                    out.append(PRETRAINING_HEADER);
                    for (Map<String, String> r : rows)
                        out.append(row(
                                linked(r.get("title"), r.get("link")),
                                or(r.get("year")),
                                or(r.get("pairs")),
                                or(r.get("language")),
                                link("Project", r.get("page"))));
                }
                case "evaluation-datasets" -> {
                    out.append(EVALUATION_HEADER);
                    for (Map<String, String> r : rows)
                        out.append(row(
                                linked(r.get("title"), r.get("link")),
                                or(r.get("year")),
                                or(r.get("classes")),
                                or(r.get("training")),
                                or(r.get("testing")),
                                or(r.get("metrics")),
                                link("Project", r.get("page"))));
                }
                default -> {
                    boolean bullets = rows.stream().anyMatch(r -> r.get("venue") != null);
                    int n = 0;
                    for (Map<String, String> r : rows) {
                        out.append(bullets ? "* " : ++n + ". ");
                        if (r.get("venue") != null)
                            out.append('[').append(r.get("venue")).append("] ");
                        out.append(r.get("title")).append(' ');
                        boolean dataset = kind.equals("dataset-entry");
                        if (r.get("link") != null) out.append(bracketed("Paper", r.get("link")));
                        if (dataset && r.get("page") != null)
                            out.append(' ').append(bracketed("Project Page", r.get("page")));
                        if (!dataset && r.get("codeUrl") != null) out.append(bracketed("Code", r.get("codeUrl")));
                        if (!dataset && r.get("page") != null) out.append(bracketed("Project", r.get("page")));
                        out.setLength(out.length() - (out.charAt(out.length() - 1) == ' ' ? 1 : 0));
                        out.append('\n');
                    }
                }
            }
        }
    }

    /** The code cell of a paper row: its code link, its project page, "Non-Public", or "-". */
    static String codeCell(Map<String, String> r) {
        List<String> links = new ArrayList<>();
        if (r.get("codeUrl") != null) links.add(link("Code", r.get("codeUrl")));
        if (r.get("page") != null) links.add(link("Project", r.get("page")));
        if (!links.isEmpty()) return String.join(" ", links);
        return "true".equals(r.get("notPublic")) ? "Non-Public" : "-";
    }

    static String row(String... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) sb.append(c.replace("|", "\\|")).append('|');
        return sb.append('\n').toString();
    }

    static String or(String s) {
        return s == null ? "-" : s;
    }

    static String link(String label, String href) {
        return href == null ? "-" : "[" + label + "](" + href + ")";
    }

    static String linked(String text, String href) {
        return href == null ? text : "[" + text + "](" + href + ")";
    }

    static String bracketed(String label, String href) {
        return "[" + link(label, href) + "]";
    }

    private static Map<String, String> fields(Graph view, Node entry) {
        var q = org.apache.jena.query.QueryFactory.create(ENTRY);
        Map<String, String> m = new java.util.HashMap<>();
        try (QueryExec qe =
                QueryExec.graph(view).query(q).substitution("entry", entry).build()) {
            var rows = qe.select();
            if (rows.hasNext()) {
                Binding b = rows.next();
                b.vars().forEachRemaining(v -> {
                    Node n = b.get(v);
                    if (n != null) m.put(v.getVarName(), text.apply(n));
                });
            }
        }
        if ("".equals(m.get("metrics"))) m.remove("metrics");
        return m;
    }

    private static final Function<Node, String> text = n -> n.isURI() ? n.getURI() : n.getLiteralLexicalForm();

    private static int integer(Node n) {
        return Integer.parseInt(n.getLiteralLexicalForm());
    }

    private static List<Binding> select(Graph g, String query) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec qe = QueryExec.graph(g).query(query).build()) {
            qe.select().forEachRemaining(rows::add);
        }
        return rows;
    }
}
