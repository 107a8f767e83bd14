package org.w3id.vlmsurvey.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** A generated survey of 1000 entries loads with every entry accounted for. */
class SurveyGeneratorTest {
    @TempDir
    static Path dir;

    static SurveyGenerator.Counts counts;
    static SurveyGraph.Result r;

    @BeforeAll
    static void build() throws IOException {
        Path file = dir.resolve("survey-1000.md");
        StringBuilder sb = new StringBuilder();
        counts = SurveyGenerator.write(1000, 7, sb);
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        r = SurveyGraph.build(SurveyGraph.Source.file(file), 2);
    }

    static long count(Graph g, String where) {
        try (QueryExec qe = QueryExec.graph(g)
                .query(
                        """
                PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
                PREFIX src: <https://w3id.org/vlm-survey/source#>
                SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {"""
                                + where + "}")
                .build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    @Test
    void writesWhatItSays() {
        assertEquals(1000, counts.entries());
        assertEquals(counts.paperRows() + counts.bulletEntries() + counts.datasetRows(), counts.entries());
        assertEquals(counts.paperRows() + counts.bulletEntries(), counts.papers());
    }

    @Test
    void everyEntryIsReadAsARowOrAnEntry() {
        assertEquals(counts.paperRows(), count(r.working(), "?x src:table/src:kind \"papers\""));
        assertEquals(counts.datasetRows(), count(r.working(), "?x src:table/src:kind ?k FILTER (?k != \"papers\")"));
        assertEquals(counts.bulletEntries(), count(r.working(), "?x src:kind \"paper-entry\""));
    }

    @Test
    void everyEntryIsAPaperOrADataset() {
        assertEquals(counts.papers(), count(r.data(), "?x a vlm:Paper"));
        assertEquals(counts.datasets(), count(r.data(), "?x a vlm:Dataset"));
        assertEquals(List.of(), r.problems().stream().filter(Problem::isError).toList());
        assertEquals(Set.of(), SurveyGraph.unaccounted(r));
    }

    @Test
    void irregularRowsAreReadAsTheRealSurveysAre() {
        String text = SurveyGenerator.text(1000, 7);
        for (String irregular : List.of("[code](", ")]|", "Non-Public", "ICLR W 20"))
            assert text.contains(irregular) : "the generator writes " + irregular;
        assertEquals(
                occurrences(text, "ICLR W 20"),
                count(r.data(), "?x vlm:publishedIn <https://w3id.org/vlm-survey/resource/venue/iclrw>"));
        assertEquals(occurrences(text, "Non-Public"), count(r.data(), "?x vlm:codeAvailability vlm:CodeNotPublic"));
        assertEquals(
                occurrences(text, "[Code](https://github.com/") + occurrences(text, "[code](https://github.com/"),
                count(r.data(), "?x vlm:codeRepository ?repo"));
    }

    static long occurrences(String text, String s) {
        long n = 0;
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
        return n;
    }

    @Test
    void sameSeedSameSurvey() {
        assertEquals(SurveyGenerator.text(300, 42), SurveyGenerator.text(300, 42));
        assertNotEquals(SurveyGenerator.text(300, 42), SurveyGenerator.text(300, 43));
    }
}
