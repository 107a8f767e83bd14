package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.vocab.VLM;

/** The ontology at {@code /ontology}: as RDF, or as an HTML page listing its classes and properties. */
public final class OntologyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = Negotiation.chooseOrRefuse(req, resp);
        if (type == null) return;
        Negotiation.send(resp, type, SurveyGraph.ontology(), OntologyServlet::html);
    }

    public static String html(Graph g) {
        PrefixMapping pm =
                PrefixMapping.Factory.create().setNsPrefixes(VLM.prefixes()).setNsPrefixes(g.getPrefixMapping());
        StringBuilder body = new StringBuilder("<h1>VLM survey ontology</h1>\n<p><code>")
                .append(Html.escape(VLM.NS))
                .append("</code> &middot; also as <a href=\"?format=ttl\">Turtle</a></p>\n");
        section(body, "Classes", terms(g, List.of(OWL.Class.asNode(), RDFS.Class.asNode())), g, pm);
        section(
                body,
                "Properties",
                terms(
                        g,
                        List.of(
                                OWL.ObjectProperty.asNode(),
                                OWL.DatatypeProperty.asNode(),
                                OWL.AnnotationProperty.asNode(),
                                RDF.Property.asNode())),
                g,
                pm);
        return Templates.page("VLM survey ontology", body.toString());
    }

    private static Set<String> terms(Graph g, List<Node> types) {
        Set<String> terms = new TreeSet<>();
        for (Node t : types)
            g.find(Node.ANY, RDF.type.asNode(), t).forEachRemaining(tr -> {
                if (tr.getSubject().isURI()) terms.add(tr.getSubject().getURI());
            });
        return terms;
    }

    private static void section(StringBuilder body, String title, Set<String> terms, Graph g, PrefixMapping pm) {
        body.append("<h2>").append(title).append(" (").append(terms.size()).append(")</h2>\n<table>\n");
        for (String iri : terms) {
            Node n = org.apache.jena.graph.NodeFactory.createURI(iri);
            String id = iri.startsWith(VLM.NS) ? iri.substring(VLM.NS.length()) : iri;
            body.append("<tr id=\"")
                    .append(Html.escape(id))
                    .append("\"><th><code>")
                    .append(Html.escape(pm.shortForm(iri)))
                    .append("</code></th><td>");
            String label = ResourceDescription.label(g, n);
            if (label != null) body.append("<b>").append(Html.escape(label)).append("</b>");
            g.find(n, RDFS.comment.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral())
                    body.append("<br>").append(Html.escape(t.getObject().getLiteralLexicalForm()));
            });
            body.append("</td></tr>\n");
        }
        body.append("</table>\n");
    }
}
