package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * {@code schema:name}, {@code vlm:shortName}, {@code vlm:acronym}, a survey entry's {@code vlm:listedTitle}) of the resources it is linked with, so that a client can show the neighbours by name.
 */
public final class ResourceDescription {
    static final List<Node> LABELS = List.of(
            RDFS.label.asNode(),
            SKOS.prefLabel.asNode(),
            DCTerms.title.asNode(),
            NodeFactory.createURI("https://schema.org/name"),
            NodeFactory.createURI("http://schema.org/name"),
            NodeFactory.createURI(VLM.NS + "shortName"),
            NodeFactory.createURI(VLM.NS + "acronym"),
            NodeFactory.createURI(VLM.NS + "listedTitle"));
    private static final Node LISTED_HEADING = NodeFactory.createURI(VLM.NS + "listedHeading");

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
            for (Node label : LABELS) g.find(n, label, Node.ANY).forEachRemaining(d::add);
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

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral()) return o.getLiteralLexicalForm();
            }
            return null;
        } finally {
            it.close();
        }
    }

    /** The HTML page of a description made by {@link #describe}: every statement, from the template {@code resource}. */
    public static String html(Graph d, String iri) {
        Map<String, Object> model = statements(d, iri);
        model.put("title", model.get("label"));
        return Templates.render("resource", model);
    }

    /**
     * What the statements section of a resource's page shows: {@code label}, {@code iri}, {@code outgoing} and
     * {@code incoming}, each a list of {@code property} and {@code values}; a property or IRI value is a link
     * ({@code href}, {@code text}, {@code title}), a literal has {@code text} and maybe {@code lang} or {@code datatype}.
     */
    public static Map<String, Object> statements(Graph d, String iri) {
        Node r = NodeFactory.createURI(iri);
        PrefixMapping pm = d.getPrefixMapping();
        String label = label(d, r);
        String heading = literal(d, r, LISTED_HEADING);
        if (label != null && heading != null) label = label + ", as listed under " + heading;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("label", label != null ? label : pm.shortForm(iri));
        model.put("iri", iri);
        model.put("outgoing", groups(d, grouped(d.find(r, Node.ANY, Node.ANY).toList(), Triple::getObject, pm), pm));
        model.put("incoming", groups(d, grouped(d.find(Node.ANY, Node.ANY, r).toList(), Triple::getSubject, pm), pm));
        return model;
    }

    private static List<Map<String, Object>> groups(Graph d, Map<Node, List<Node>> grouped, PrefixMapping pm) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (var e : grouped.entrySet()) {
            List<Map<String, String>> values = new ArrayList<>();
            for (Node n : e.getValue()) values.add(value(d, n, pm));
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("property", value(d, e.getKey(), pm));
            g.put("values", values);
            groups.add(g);
        }
        return groups;
    }

    /** A node as the page shows it: a link to an IRI (labelled, else by its prefixed name), or a literal. */
    static Map<String, String> value(Graph d, Node n, PrefixMapping pm) {
        Map<String, String> v = new LinkedHashMap<>();
        if (n.isURI()) {
            String iri = n.getURI();
            String label = label(d, n);
            String scheme = iri.contains(":") ? iri.substring(0, iri.indexOf(':')) : "";
            boolean followable = scheme.equals("http") || scheme.equals("https") || scheme.equals("urn");
            v.put("href", followable ? Html.href(iri) : "#");
            v.put("text", label != null ? label : pm.shortForm(iri));
            v.put("title", iri);
        } else if (n.isLiteral()) {
            v.put("text", n.getLiteralLexicalForm());
            if (!n.getLiteralLanguage().isEmpty()) v.put("lang", n.getLiteralLanguage());
            else if (n.getLiteralDatatypeURI() != null
                    && !n.getLiteralDatatypeURI().equals("http://www.w3.org/2001/XMLSchema#string"))
                v.put("datatype", pm.shortForm(n.getLiteralDatatypeURI()));
        } else {
            v.put("text", n.toString());
        }
        return v;
    }

    private static Map<Node, List<Node>> grouped(
            List<Triple> triples, java.util.function.Function<Triple, Node> value, PrefixMapping pm) {
        Map<Node, List<Node>> m = new TreeMap<>(Comparator.comparing((Node p) -> !p.equals(RDF.type.asNode()))
                .thenComparing(p -> pm.shortForm(p.getURI())));
        for (Triple t : triples)
            m.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(value.apply(t));
        for (List<Node> values : m.values())
            values.sort(Comparator.comparing(n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.toString()));
        return m;
    }
}
