package org.w3id.vlmsurvey.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * A read-only view of a graph for SHACL validation that answers "the types of this node" from an index built once.
 * {@code sh:class} looks up the types of every value it checks; Jena's in-memory graph answers
 * {@code find(node, rdf:type, ANY)} by scanning every triple whose subject is that node. A venue has a
 * {@code vlm:sourceLine} for each line that names it (about 110,000 for arXiv in a million-entry survey) and is the
 * value of {@code vlm:publishedIn} for as many papers, so validation grew with the square of the survey: more than
 * 15 minutes at a million entries. With the index each lookup costs the node's types only.
 */
final class TypeIndexedGraph extends GraphWrapper {
    private static final Node TYPE = RDF.type.asNode();
    private final Map<Node, List<Triple>> types = new HashMap<>();

    TypeIndexedGraph(Graph graph) {
        super(graph);
        graph.find(Node.ANY, TYPE, Node.ANY)
                .forEachRemaining(t -> types.computeIfAbsent(t.getSubject(), k -> new ArrayList<>(2))
                        .add(t));
    }

    private static boolean indexed(Node s, Node p) {
        return s != null && s.isConcrete() && TYPE.equals(p);
    }

    private List<Triple> types(Node s, Node o) {
        List<Triple> all = types.getOrDefault(s, List.of());
        if (o == null || !o.isConcrete()) return all;
        return all.stream().filter(t -> t.getObject().equals(o)).toList();
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        return indexed(s, p) ? WrappedIterator.create(types(s, o).iterator()) : super.find(s, p, o);
    }

    @Override
    public ExtendedIterator<Triple> find(Triple t) {
        return find(t.getSubject(), t.getPredicate(), t.getObject());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        return indexed(s, p) ? !types(s, o).isEmpty() : super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }
}
