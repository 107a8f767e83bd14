package org.w3id.vlmsurvey.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.export.Exporter;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;

/**
 * The questions across surveys, {@code queries/surveys/*.rq}, against the bundled survey read with the two fixture
 * surveys of {@code src/test/resources/surveys/} (prompting.md shares CLIP, ALIGN, CoOp and ProDA with the bundled
 * survey; prompting-again.md shares MaPLe, a paper by DOI and one by address with prompting.md): the answer, as TSV,
 * must be exactly {@code src/test/resources/queries/surveys/NAME.tsv}, worked out by reading the three files.
 */
class SurveyQueriesTest {
    static final Path QUERIES = Path.of("queries/surveys");
    static final Path EXPECTED = Path.of("src/test/resources/queries/surveys");
    static final Path FIXTURES = Path.of("src/test/resources/surveys");

    static Graph surveys;

    @BeforeAll
    static void build() {
        SurveyGraph.Result result = Surveys.build(
                List.of(
                        SurveyGraph.Source.resolve(null).withLinks(null).read(),
                        SurveyGraph.Source.file(FIXTURES.resolve("prompting.md"))
                                .read(),
                        SurveyGraph.Source.file(FIXTURES.resolve("prompting-again.md"))
                                .read()),
                2);
        surveys = Exporter.union(SurveyGraph.ontology(), result.data());
    }

    static List<String> queries() throws IOException {
        return QueryFiles.names(QUERIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersExactly(String name) throws IOException {
        String text = Files.readString(QUERIES.resolve(name + ".rq"));
        assertTrue(text.startsWith("# "), name + ".rq must start with a comment stating its question");
        SurveyQuery query = SurveyQuery.parse(text, name + ".rq");
        assertTrue(query.query().hasOrderBy(), name + ".rq: needs ORDER BY so that its answer is deterministic");
        assertEquals(
                Files.readString(EXPECTED.resolve(name + ".tsv")),
                QueryFiles.tsv(query, query.local(surveys, 60_000, ServicePolicy.none())),
                name);
    }

    @Test
    void everyQueryHasAnExpectedAnswerAndTheReadmeListsIt() throws IOException {
        List<String> answers;
        try (Stream<Path> files = Files.list(EXPECTED)) {
            answers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        }
        assertEquals(queries(), answers);
        assertEquals(3, answers.size());
        String readme = Files.readString(Path.of("README.md"));
        for (String q : queries())
            assertTrue(readme.contains("(queries/surveys/" + q + ".rq)"), "README.md does not list " + q);
    }
}
