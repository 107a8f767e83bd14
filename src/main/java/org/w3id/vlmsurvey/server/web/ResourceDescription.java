package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The DESCRIBE-style description of one resource: every triple with it as subject, every triple with it as
 * object (incoming links), and the labels ({@code rdfs:label}, {@code skos:prefLabel}, {@code dcterms:title},
 * {@code schema:name}, {@code vlm:shortName}, {@code vlm:acronym}) of the resources it is linked with, so that a client can show the neighbours by name.
 */
public final class ResourceDescription {
    static final List<Node> LABELS = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode(),
            NodeFactory.createURI("https://schema.org/name"), NodeFactory.createURI("http://schema.org/name"),
            NodeFactory.createURI(VLM.NS + "shortName"), NodeFactory.createURI(VLM.NS + "acronym"));

    private ResourceDescription() {}

    /** The description of {@code iri} in {@code g}, or null if {@code g} says nothing about it (no triple with it as subject). */
    public static Graph describe(Graph g, String iri) {
        Node r = NodeFactory.createURI(iri);
        if (!g.contains(r, Node.ANY, Node.ANY)) return null;
        Graph d = GraphFactory.createDefaultGraph();
        d.getPrefixMapping().setNsPrefixes(VLM.prefixes());
        Set<Node> neighbours = new LinkedHashSet<>();
        g.find(r, Node.ANY, Node.ANY).forEachRemaining(t -> {
            d.add(t);
            neighbours.add(t.getPredicate());
            if (t.getObject().isURI()) neighbours.add(t.getObject());
        });
        g.find(Node.ANY, Node.ANY, r).forEachRemaining(t -> {
            d.add(t);
            neighbours.add(t.getPredicate());
            if (t.getSubject().isURI()) neighbours.add(t.getSubject());
        });
        neighbours.remove(r);
        for (Node n : neighbours)
            for (Node label : LABELS)
                g.find(n, label, Node.ANY).forEachRemaining(d::add);
        return d;
    }

    /** The best label of a node in a graph, or null. */
    public static String label(Graph g, Node n) {
        for (Node p : LABELS) {
            var it = g.find(n, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Node o = it.next().getObject();
                    if (o.isLiteral()) return o.getLiteralLexicalForm();
                }
            } finally {
                it.close();
            }
        }
        return null;
    }

    /** The HTML page of a description made by {@link #describe}. */
    public static String html(Graph d, String iri) {
        Node r = NodeFactory.createURI(iri);
        PrefixMapping pm = d.getPrefixMapping();
        String label = label(d, r);
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(label != null ? label : pm.shortForm(iri))).append("</h1>\n");
        body.append("<p><code>").append(Html.escape(iri)).append("</code> &middot; also as <a href=\"?format=ttl\">Turtle</a>, ")
            .append("<a href=\"?format=jsonld\">JSON-LD</a></p>\n");
        body.append("<table>\n");
        for (var e : grouped(d.find(r, Node.ANY, Node.ANY).toList(), Triple::getObject, pm).entrySet())
            body.append(row(d, e.getKey(), e.getValue(), pm));
        body.append("</table>\n");
        Map<Node, List<Node>> incoming = grouped(d.find(Node.ANY, Node.ANY, r).toList(), Triple::getSubject, pm);
        if (!incoming.isEmpty()) {
            body.append("<h2>Referenced by</h2>\n<table>\n");
            for (var e : incoming.entrySet())
                body.append(row(d, e.getKey(), e.getValue(), pm));
            body.append("</table>\n");
        }
        return Html.page(label != null ? label : iri, body.toString());
    }

    private static Map<Node, List<Node>> grouped(List<Triple> triples, java.util.function.Function<Triple, Node> value,
                                                 PrefixMapping pm) {
        Map<Node, List<Node>> m = new TreeMap<>(Comparator
                .comparing((Node p) -> !p.equals(RDF.type.asNode()))
                .thenComparing(p -> pm.shortForm(p.getURI())));
        for (Triple t : triples)
            m.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(value.apply(t));
        for (List<Node> values : m.values())
            values.sort(Comparator.comparing(n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.toString()));
        return m;
    }

    private static String row(Graph d, Node p, List<Node> values, PrefixMapping pm) {
        StringBuilder sb = new StringBuilder("<tr><th>").append(Html.link(p.getURI(), label(d, p), pm)).append("</th><td>");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append("<br>");
            sb.append(html(d, values.get(i), pm));
        }
        return sb.append("</td></tr>\n").toString();
    }

    private static String html(Graph d, Node n, PrefixMapping pm) {
        if (n.isURI()) return Html.link(n.getURI(), label(d, n), pm);
        if (n.isLiteral()) return Html.literal(n, pm);
        return Html.escape(n.toString());
    }
}
