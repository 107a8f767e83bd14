package org.w3id.vlmsurvey.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.vocab.VLM;

/** Validates a built graph against {@code ontology/vlm-survey-shapes.ttl}; each violation becomes a problem at the focus node's first source line. */
public final class ShapesValidator {
    private static Shapes shapes;

    private ShapesValidator() {}

    public static synchronized Shapes shapes() {
        if (shapes == null) {
            Graph g = GraphFactory.createGraphMem();
            RDFParser.source(Bundled.open(Bundled.SHAPES)).lang(Lang.TURTLE).parse(g);
            shapes = Shapes.parse(g);
        }
        return shapes;
    }

    public static ValidationReport report(Graph data) {
        return ShaclValidator.get().validate(shapes(), new TypeIndexedGraph(data));
    }

    public static List<Problem> validate(Graph data, String file) {
        List<Problem> problems = new ArrayList<>();
        for (ReportEntry e : report(data).getEntries()) {
            int line = firstLine(data, e.focusNode());
            String where = FmtUtils.stringForNode(e.focusNode(), VLM.prefixes());
            String path = e.resultPath() == null
                    ? ""
                    : " " + e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(VLM.prefixes()));
            String msg = "SHACL: " + where + path + ": " + e.message();
            problems.add(
                    e.severity() == Severity.Violation
                            ? Problem.error(file, line, msg).byRule(Problem.SHAPES)
                            : Problem.warning(file, line, msg).byRule(Problem.SHAPES));
        }
        return problems;
    }

    private static int firstLine(Graph data, Node focus) {
        int best = 0;
        var it = data.find(focus, VLM.sourceLine.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            try {
                int n = Integer.parseInt(o.getLiteralLexicalForm());
                if (best == 0 || n < best) best = n;
            } catch (RuntimeException ignore) {
                /* not a line number: the shapes report it */
            }
        }
        return best;
    }
}
