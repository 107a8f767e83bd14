package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * Full-text search with {@code text:query} over real HTTP on the bundled survey: exact answers (worked out by
 * reading the survey: the ten paper titles and four category headings with "Prompt"/"Prompting" in them), English
 * stemming, one field per property, Lucene syntax errors as 400, and the index following reloads and TDB2 restarts.
 */
class TextSearchTest {
    static final String PREFIXES =
            """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <https://schema.org/>
            """;
    /** Every indexed property, so that a query searches titles, short names, labels and venue names. */
    static final String ALL = "dcterms:title vlm:shortName skos:prefLabel skos:altLabel schema:name vlm:acronym";

    static final List<String> PROMPT_PAPERS = List.of(
            "Bayesian Prompt Learning for Image-Language Model Generalization",
            "CPL",
            "CoCoOp",
            "CoOp",
            "LASP",
            "PLOT",
            "ProDA",
            "ProGrad",
            "SubPT",
            "TaI-DPT");
    static final List<String> PROMPT_CATEGORIES = List.of(
            "Transfer with Prompt Tuning",
            "Transfer with Text Prompt Tuning",
            "Transfer with Text and Visual Prompt Tuning",
            "Transfer with Visual Prompt Tuning");

    static SurveyServer server;

    @BeforeAll
    static void start() {
        server = BundledServer.get();
    }

    static List<String> rows(SurveyServer s, String query) {
        var r = Http.query(s.url(), PREFIXES + query, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).map(String::strip).toList();
    }

    /** The names (short name, else label, else title) of the resources a text query finds, sorted. */
    static List<String> names(SurveyServer s, String textQueryObject) {
        return rows(
                        s,
                        "SELECT DISTINCT ?name { ?x text:query " + textQueryObject + " ."
                                + " OPTIONAL { ?x vlm:shortName ?short } OPTIONAL { ?x skos:prefLabel ?pref }"
                                + " OPTIONAL { ?x dcterms:title ?title } OPTIONAL { ?x vlm:acronym ?acronym }"
                                + " BIND(COALESCE(?short, ?acronym, ?pref, ?title) AS ?name) }")
                .stream()
                .sorted()
                .toList();
    }

    static List<String> sorted(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    @Test
    void promptFindsTheTenPromptPapersAndTheFourPromptCategories() {
        assertEquals(sorted(PROMPT_PAPERS, PROMPT_CATEGORIES), names(server, "(" + ALL + " 'prompt')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompts", "prompting", "Prompted", "PROMPT"})
    void otherFormsOfTheWordFindTheSame(String word) {
        // The survey's titles have "Prompt" and (LASP) "Prompting" only: the English stemmer makes them one word.
        assertEquals(sorted(PROMPT_PAPERS, PROMPT_CATEGORIES), names(server, "(" + ALL + " '" + word + "')"));
    }

    @Test
    void withoutAPropertyTextQuerySearchesTitles() {
        assertEquals(PROMPT_PAPERS, names(server, "'prompt'"));
    }

    @Test
    void aPropertySearchesOnlyItsOwnField() {
        assertEquals(List.of("CoOp"), names(server, "(vlm:shortName 'coop')"), "CoCoOp is another word");
        assertEquals(List.of("CVPR"), names(server, "(vlm:acronym 'cvpr')"));
        assertEquals(List.of("CVPR"), names(server, "(schema:name 'pattern recognition')"));
        assertEquals(List.of(), names(server, "(skos:prefLabel 'coop')"));
    }

    @Test
    void hitsCarryScoreAndHighlightedLiteral() {
        List<String> hits = rows(
                server,
                "SELECT ?lit { (?x ?score ?lit) text:query (vlm:shortName dcterms:title 'coop' 'highlight:') }"
                        + " ORDER BY ?lit");
        assertEquals(List.of("↦CoOp↤", "↦CoOp↤: Learning to Prompt for Vision-Language Models"), hits);
    }

    @Test
    void aLuceneSyntaxErrorIsABadRequestNotAServerError() {
        var r = Http.query(server.url(), PREFIXES + "SELECT * { ?s text:query '((prompt AND' }", "text/csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("Cannot parse '((prompt AND"), r.body());
    }

    @Test
    void watchReindexesTheEditedGraph(@TempDir Path dir) throws Exception {
        Path md = ServerReloadTest.copyOfSurvey(dir);
        ServerOptions options = ServerOptions.builder(SurveyGraph.Source.file(md))
                .port(0)
                .watch(Duration.ofMillis(200))
                .build();
        try (SurveyServer s = SurveyServer.start(options)) {
            assertEquals(List.of("CoOp"), names(s, "'\"learning to prompt\"'"));
            ServerReloadTest.edit(md, "CoOp: Learning to Prompt for", "CoOp: Learning to Cue for");
            org.w3id.vlmsurvey.Eventually.until(
                    "the edit indexed", () -> !names(s, "'cue'").isEmpty());
            assertEquals(List.of("CoOp"), names(s, "'cue'"));
            assertEquals(List.of(), names(s, "'\"learning to prompt\"'"), "the old title is no longer indexed");
            assertEquals(PROMPT_PAPERS.stream().filter(p -> !p.equals("CoOp")).toList(), names(s, "'prompt'"));
        }
    }

    @Test
    void tdb2KeepsItsIndexNextToTheStoreAndRebuildsAMissingOne(@TempDir Path dir) throws Exception {
        Path md = ServerReloadTest.copyOfSurvey(dir);
        Path db = dir.resolve("db");
        ServerOptions options = ServerOptions.builder(SurveyGraph.Source.file(md))
                .port(0)
                .tdb2(db)
                .build();
        int documents;
        try (SurveyServer first = SurveyServer.start(options)) {
            assertEquals(PROMPT_PAPERS, names(first, "'prompt'"));
            documents = first.store().textDocuments();
        }
        assertTrue(Files.isDirectory(db.resolve(SurveyStore.TEXT_FOLDER)), "the index is in DIR/text");
        try (SurveyServer second = SurveyServer.start(options)) {
            assertFalse(second.rebuilt());
            assertEquals(documents, second.store().textDocuments());
            assertEquals(PROMPT_PAPERS, names(second, "'prompt'"));
        }
        try (Stream<Path> files = Files.walk(db.resolve(SurveyStore.TEXT_FOLDER))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        try (SurveyServer third = SurveyServer.start(options)) {
            assertFalse(third.rebuilt(), "the graph is reused ...");
            assertEquals(documents, third.store().textDocuments(), "... and its index rebuilt from it");
            assertEquals(PROMPT_PAPERS, names(third, "'prompt'"));
        }
    }
}
