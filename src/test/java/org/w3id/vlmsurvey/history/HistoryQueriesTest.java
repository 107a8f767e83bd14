package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.Golden;
import org.w3id.vlmsurvey.query.SurveyQuery;

/**
 * The history competency questions ({@code queries/history/*.rq}) on the test history ({@link TestHistory}): each
 * answer, as TSV, must be exactly {@code src/test/resources/history/queries/NAME.tsv}, worked out by reading the
 * versions v1.md ... v8.md and the commit dates.
 */
class HistoryQueriesTest {
    static final Path QUERIES = Path.of("queries/history");
    static final Path EXPECTED = Path.of("src/test/resources/history/queries");

    @TempDir
    static Path tmp;

    static DatasetGraph history;

    @BeforeAll
    static void build() throws IOException {
        history = TestHistory.create(tmp.resolve("survey")).history().dataset();
    }

    static List<String> queries() throws IOException {
        return org.w3id.vlmsurvey.query.QueryFiles.names(QUERIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersExactly(String name) throws IOException {
        String text = Files.readString(QUERIES.resolve(name + ".rq"));
        assertTrue(text.startsWith("# "), name + ".rq must start with a comment stating its question");
        SurveyQuery query = SurveyQuery.parse(text, name + ".rq");
        assertTrue(query.query().isSelectType() && query.query().hasOrderBy(), name + ".rq: a SELECT with ORDER BY");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        query.execute(
                query.local(history, 60_000, org.w3id.vlmsurvey.query.ServicePolicy.none()),
                SurveyQuery.Format.TSV,
                out);
        Golden.assertText(EXPECTED.resolve(name + ".tsv"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyQueryHasAnExpectedAnswer() throws IOException {
        List<String> answers;
        try (Stream<Path> files = Files.list(EXPECTED)) {
            answers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        }
        assertEquals(queries(), answers);
        assertFalse(answers.isEmpty(), "queries/history holds queries");
    }

    @Test
    void theReadmeListsEveryHistoryQuery() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String q : queries())
            assertTrue(
                    readme.contains("(queries/history/" + q + ".rq)"),
                    "README.md does not list queries/history/" + q + ".rq");
    }
}
