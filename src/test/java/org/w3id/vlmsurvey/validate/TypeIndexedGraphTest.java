package org.w3id.vlmsurvey.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** The type index answers every find and contains exactly as the graph it indexes, and SHACL reports the same. */
class TypeIndexedGraphTest {
    static Node n(String s) {
        return NodeFactory.createURI("urn:x:" + s);
    }

    static Set<Triple> set(Graph g, Node s, Node p, Node o) {
        return new HashSet<>(g.find(s, p, o).toList());
    }

    @Test
    void answersAsTheGraphItIndexes() {
        Graph g = GraphFactory.createDefaultGraph();
        Node type = RDF.type.asNode();
        g.add(Triple.create(n("a"), type, n("A")));
        g.add(Triple.create(n("a"), type, n("B")));
        g.add(Triple.create(n("a"), n("p"), n("b")));
        g.add(Triple.create(n("b"), type, n("A")));
        for (int i = 0; i < 1000; i++) g.add(Triple.create(n("a"), n("line"), NodeFactory.createLiteralString("" + i)));
        Graph view = new TypeIndexedGraph(g);
        List<Node> subjects = List.of(n("a"), n("b"), n("c"), Node.ANY);
        List<Node> predicates = List.of(type, n("p"), n("line"), Node.ANY);
        List<Node> objects = List.of(n("A"), n("B"), n("b"), n("C"), Node.ANY);
        for (Node s : subjects)
            for (Node p : predicates)
                for (Node o : objects) {
                    String what = s + " " + p + " " + o;
                    assertEquals(set(g, s, p, o), set(view, s, p, o), what);
                    assertEquals(
                            set(g, s, p, o),
                            new HashSet<>(view.find(Triple.createMatch(s, p, o)).toList()),
                            what);
                    assertEquals(g.contains(s, p, o), view.contains(s, p, o), what);
                }
    }

    /** A golden case with SHACL violations: the same report entries through the index as without it. */
    @Test
    void shaclReportsTheSameEntries() {
        Graph data = SurveyGraph.build(
                        SurveyGraph.Source.file(
                                        java.nio.file.Path.of("src/test/resources/mapping/label-collisions/input.md"))
                                .withLinks(null),
                        2)
                .data();
        java.util.function.Function<org.apache.jena.shacl.ValidationReport, Set<String>> entries =
                r -> new HashSet<>(r.getEntries().stream().map(Object::toString).toList());
        Set<String> indexed = entries.apply(ShapesValidator.report(data));
        assertEquals(
                entries.apply(org.apache.jena.shacl.ShaclValidator.get().validate(ShapesValidator.shapes(), data)),
                indexed);
        org.junit.jupiter.api.Assertions.assertFalse(indexed.isEmpty(), "the case has violations");
    }
}
