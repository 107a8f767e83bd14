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

/**
 * Every competency question in {@code queries/*.rq} against the bundled survey: its answer, as TSV, must be
 * exactly the rows, in the order, of {@code src/test/resources/queries/NAME.tsv}. The expected files were
 * worked out by reading {@code data/vlm-survey.md}, not by copying what the queries return.
 */
class CompetencyQueriesTest {
    static final Path QUERIES = Path.of("queries");
    static final Path EXPECTED = Path.of("src/test/resources/queries");

    static Graph survey;

    @BeforeAll
    static void build() {
        SurveyGraph.Result result = SurveyGraph.build(SurveyGraph.Source.resolve(null), 2);
        survey = Exporter.union(SurveyGraph.ontology(), result.data());
    }

    /**
     * The competency questions answered by the survey alone. A query whose header says {@code # requires: SERVICE}
     * needs a remote endpoint: it is answered against a local stand-in by its own test (FederatedQueryTest).
     */
    static List<String> queries() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .filter(p -> !needsService(p))
                    .map(p -> p.getFileName().toString())
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList();
        }
    }

    static boolean needsService(Path rq) {
        try {
            return Files.readAllLines(rq).stream()
                    .takeWhile(l -> l.startsWith("#"))
                    .anyMatch(l -> l.matches("#\\s*requires:\\s*SERVICE.*"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theReadmeListsEveryQuery() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        try (Stream<Path> files = Files.list(QUERIES)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rq"))
                    .forEach(n ->
                            assertTrue(readme.contains("(queries/" + n + ")"), "README.md does not list queries/" + n));
        }
    }

    @Test
    void theFederatedExampleIsMarked() throws IOException {
        assertTrue(needsService(QUERIES.resolve("federated-wikidata.rq")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersExactly(String name) throws IOException {
        Path expectedFile = EXPECTED.resolve(name + ".tsv");
        assertTrue(Files.isRegularFile(expectedFile), "queries/" + name + ".rq has no expected answer " + expectedFile);
        SurveyQuery query = SurveyQuery.parse(Files.readString(QUERIES.resolve(name + ".rq")), name + ".rq");
        assertEquals(
                Files.readString(expectedFile),
                QueryFiles.tsv(query, query.local(survey, 60_000, ServicePolicy.none())),
                name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void statesItsQuestionAndOrdersItsAnswer(String name) throws IOException {
        String text = Files.readString(QUERIES.resolve(name + ".rq"));
        assertTrue(text.startsWith("# "), name + ".rq must start with a comment stating its question");
        SurveyQuery query = SurveyQuery.parse(text, name + ".rq");
        assertTrue(query.query().isSelectType(), name + ".rq: competency questions are SELECT queries");
        assertTrue(query.query().hasOrderBy(), name + ".rq: needs ORDER BY so that its answer is deterministic");
    }

    @Test
    void everyQueryHasAnExpectedAnswerAndEveryAnswerAQuery() throws IOException {
        List<String> queries = queries();
        List<String> answers;
        try (Stream<Path> files = Files.list(EXPECTED)) {
            answers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        }
        assertEquals(queries, answers, "queries/*.rq and " + EXPECTED + "/*.tsv must pair up");
        assertTrue(queries.size() >= 16, "at least 16 competency questions, found " + queries.size());
        assertTrue(queries.contains("contrastive-with-code-2022"));
    }
}
