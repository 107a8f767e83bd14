package org.w3id.vlmsurvey.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.Golden;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * One folder per mapping rule under {@code src/test/resources/mapping/}: {@code input.md}, the graph it must give
 * ({@code expected.ttl}, compared by isomorphism) and the problems it must report ({@code problems.txt}, exact).
 */
class MappingCasesTest {
    static final Path CASES = Path.of("src/test/resources/mapping");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsAsExpected(String name) throws IOException {
        Path dir = CASES.resolve(name);
        SurveyGraph.Result r = SurveyGraph.build(SurveyGraph.Source.file(dir.resolve("input.md")), 2);
        Golden.assertIsomorphic(dir.resolve("expected.ttl"), r.data());
        String problems = r.problems().stream()
                .map(p -> p.toString().replace(dir.resolve("input.md").toString(), "input.md"))
                .collect(Collectors.joining("\n", "", r.problems().isEmpty() ? "" : "\n"));
        Golden.assertText(dir.resolve("problems.txt"), problems);
    }

    static final Node SHORT_NAME = NodeFactory.createURI(VLM.NS + "shortName");

    /** The title, label and short name triples of a case's graph, as N-Triples lines, sorted. */
    static Set<String> names(String name) {
        Graph g = SurveyGraph.build(SurveyGraph.Source.file(CASES.resolve(name).resolve("input.md")), 1)
                .data();
        Set<String> lines = new TreeSet<>();
        for (Node p : List.of(DCTerms.title.asNode(), RDFS.label.asNode(), SHORT_NAME))
            g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().getURI().contains("/paper/")
                        || t.getSubject().getURI().contains("/dataset/")) lines.add(nt(t));
            });
        return lines;
    }

    static String nt(Triple t) {
        return "<" + t.getSubject().getURI() + "> <" + t.getPredicate().getURI() + "> \""
                + t.getObject().getLiteralLexicalForm() + "\"";
    }

    /**
     * Issue 16: a trailing "(ABBR)" is read the same in a numbered list entry and a table row (the golden cases
     * abbreviation-in-list and abbreviation-in-table list the same papers and datasets in the two shapes): the same
     * title, label and short name, so a paper or dataset keeps its title and IRI when a list becomes a table.
     */
    @Test
    void aTrailingAbbreviationReadsTheSameInListsAndTables() {
        Set<String> list = names("abbreviation-in-list"), table = names("abbreviation-in-table");
        String res = "https://w3id.org/vlm-survey/resource/";
        String title = "<" + DCTerms.title.getURI() + "> ", shortName = "<" + SHORT_NAME.getURI() + "> ";
        for (String expected : List.of(
                "<" + res + "paper/arxiv-2103.00020> " + title
                        + "\"Learning Transferable Visual Models From Natural Language Supervision\"",
                "<" + res + "paper/arxiv-2103.00020> " + shortName + "\"CLIP\"",
                "<" + res + "paper/arxiv-2210.09996> " + shortName + "\"CLIPpy\"",
                "<" + res + "dataset/conceptual-12m> " + title + "\"Conceptual 12M\"",
                "<" + res + "dataset/wikipedia-based-image-text> " + title + "\"Wikipedia-based Image Text\""))
            assertTrue(list.contains(expected) && table.contains(expected), expected + "\n" + list + "\n" + table);
        assertEquals(list, table);
        assertEquals(
                10, list.size(), "2 papers and 2 datasets: title and label each, and the papers' short names: " + list);
    }
}
