package org.w3id.vlmsurvey.mapping;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.Severity;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.vocab.SRC;

/**
 * The survey-to-ontology mapping: the CONSTRUCT queries of {@code queries/mapping/} run in file-name order over
 * the source graph, the reference data and what earlier queries built; then the SELECT queries of
 * {@code queries/checks/} report what the mapping could not use. Triples in the {@code src:} namespace are
 * scaffolding shared between queries and do not reach the result.
 */
public final class SurveyMapping {

    static {
        MappingFunctions.register();
    }

    /**
     * Where a rule runs, declared by its file's first comment lines ({@code # scope: partition} or
     * {@code # scope: global}): a partition rule reads one table or entry list (with its headings) at a time;
     * a global rule reads the whole survey's summary.
     */
    public enum Scope {
        PARTITION, GLOBAL;

        private static final java.util.regex.Pattern DECLARATION =
                java.util.regex.Pattern.compile("(?m)^#\\s*scope:\\s*(\\S+)\\s*$");

        /** The scope a rule's text declares in its leading comment lines; a rule without one is an error. */
        public static Scope of(String name, String text) {
            StringBuilder header = new StringBuilder();
            for (String line : text.split("\\R")) {
                if (!line.startsWith("#")) break;
                header.append(line).append('\n');
            }
            java.util.regex.Matcher m = DECLARATION.matcher(header);
            if (!m.find())
                throw new IllegalStateException(name + ":1: no scope declaration: the first comment lines must say "
                        + "\"# scope: partition\" or \"# scope: global\"");
            return switch (m.group(1)) {
                case "partition" -> PARTITION;
                case "global" -> GLOBAL;
                default -> throw new IllegalStateException(name + ":1: unknown scope \"" + m.group(1)
                        + "\": a rule's scope is \"partition\" or \"global\"");
            };
        }
    }

    /** A named, parsed query of the mapping or the checks, with the scope its file declares. */
    public record Step(String name, Query query, Scope scope) {}

    /** What the mapping built and what the checks found. */
    public record Output(Graph data, Graph working, List<Problem> problems) {}

    private final List<Step> mapping;
    private final List<Step> checks;

    public SurveyMapping(List<Step> mapping, List<Step> checks) {
        this.mapping = List.copyOf(mapping);
        this.checks = List.copyOf(checks);
    }

    private static SurveyMapping bundled;

    /** The mapping and checks bundled with the program, parsed once. */
    public static synchronized SurveyMapping bundled() {
        if (bundled == null)
            bundled = new SurveyMapping(load("queries/mapping/"), load("queries/checks/"));
        return bundled;
    }

    private static List<Step> load(String folder) {
        List<Step> steps = new ArrayList<>();
        for (String name : Bundled.list(folder, ".rq")) {
            String text = Bundled.text(folder + name);
            try {
                steps.add(new Step(name, QueryFactory.create(text), Scope.of(folder + name, text)));
            } catch (QueryParseException e) {
                throw new IllegalStateException(folder + name + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
            }
        }
        return steps;
    }

    public List<Step> mappingSteps() { return mapping; }
    public List<Step> checkSteps() { return checks; }

    /**
     * Maps a source graph. The source graph becomes the working graph: the reference data and what each query
     * builds are added to it (copying a source graph of millions of triples would double the loader's work).
     * @param source    the source graph from the Markdown reader, owned by the mapping from now on
     * @param reference curated data the mapping may consult (venues)
     * @param file      the source's name, for problems
     */
    public Output run(Graph source, Graph reference, String file) {
        Graph working = source;
        reference.find().forEachRemaining(working::add);
        Graph data = GraphFactory.createGraphMem();
        List<Triple> built = new ArrayList<>();
        for (Step step : mapping) {
            built.clear();
            QueryExec.graph(working).query(step.query()).build().constructTriples().forEachRemaining(built::add);
            for (Triple t : built) {
                working.add(t);
                if (!isScaffolding(t)) data.add(t);
            }
        }
        return new Output(data, working, check(working, file));
    }

    private List<Problem> check(Graph working, String file) {
        List<Problem> problems = new ArrayList<>();
        Var line = Var.alloc("line"), severity = Var.alloc("severity"), message = Var.alloc("message");
        for (Step step : checks) {
            try (QueryExec qe = QueryExec.graph(working).query(step.query()).build()) {
                RowSet rows = qe.select();
                while (rows.hasNext()) {
                    Binding b = rows.next();
                    Node l = b.get(line), s = b.get(severity), m = b.get(message);
                    int n = l != null && l.isLiteral() ? Integer.parseInt(l.getLiteralLexicalForm()) : 0;
                    String msg = m != null ? m.getLiteralLexicalForm() : step.name() + " found a problem";
                    problems.add(new Problem(file, n, Severity.parse(s == null ? null : s.getLiteralLexicalForm()), msg));
                }
            }
        }
        return problems;
    }

    static boolean isScaffolding(Triple t) {
        Node s = t.getSubject(), p = t.getPredicate();
        return p.getURI().startsWith(SRC.NS) || (s.isURI() && s.getURI().startsWith(SRC.NODE));
    }
}
