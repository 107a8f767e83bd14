package org.w3id.vlmsurvey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.graph.Builds;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * README -> graph -> render -> graph is the same graph, apart from vlm:sourceLine and vlm:sourceDocument, for every era
 * of the survey's README: the numbered lists of April 2023 (v1, v2), the tables (v3, v4, v7, v8, the bundled survey),
 * News bullet entries above tables (v5 to v8), broken and empty rows (v3, v6), and the later shape of
 * later-version/vlm-survey-later.md (knowledge-distillation tables, irregular rows).
 */
class SurveyRendererTest {

    static Stream<String> fixtures() {
        return Stream.of(
                "src/test/resources/history/v1.md",
                "src/test/resources/history/v2.md",
                "src/test/resources/history/v3.md",
                "src/test/resources/history/v4.md",
                "src/test/resources/history/v5.md",
                "src/test/resources/history/v6.md",
                "src/test/resources/history/v7.md",
                "src/test/resources/history/v8.md",
                "data/vlm-survey.md",
                "src/test/resources/later-version/vlm-survey-later.md");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void renderedSurveyGivesTheSameGraph(String file) throws IOException {
        String source = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        SurveyGraph.Result original = Builds.of(file, source);
        String rendered = SurveyRenderer.render(original, source);
        SurveyGraph.Result again = Builds.of(file, rendered);
        Graph a = withoutLines(original.data()), b = withoutLines(again.data());
        assertTrue(a.size() > 0);
        assertTrue(
                a.isIsomorphicWith(b),
                () -> file + ": not the same graph\nonly before:\n" + minus(a, b) + "\nonly after:\n" + minus(b, a)
                        + "\nrendered:\n" + rendered);
        // the rendered survey reads without errors, and rendering it again changes nothing
        assertEquals(0, again.errors(), () -> again.problems().toString());
        assertEquals(rendered, SurveyRenderer.render(again, rendered));
    }

    static Graph withoutLines(Graph data) {
        Graph g = GraphFactory.createGraphMem();
        data.find().forEachRemaining(t -> {
            Node p = t.getPredicate();
            if (!p.equals(VLM.sourceLine.asNode()) && !p.getURI().equals(VLM.NS + "sourceDocument")) g.add(t);
        });
        return g;
    }

    static String minus(Graph a, Graph b) {
        StringBuilder sb = new StringBuilder();
        a.find().forEachRemaining(t -> {
            if (!b.contains(t)) sb.append(t).append('\n');
        });
        return sb.toString();
    }
}
