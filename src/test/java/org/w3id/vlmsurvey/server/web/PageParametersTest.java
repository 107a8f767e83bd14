package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page parameter against the values it may take: table-driven, the shapes of the attacks included. */
class PageParametersTest {
    static final Set<String> SLUGS = Set.of("transfer-with-prompt-tuning", "pre-training-with-contrastive-objective");
    static final String PREFIX = "https://w3id.org/vlm-survey/resource/category/";
    static final String SURVEY = "https://w3id.org/vlm-survey/resource/survey";
    static final Set<String> SURVEYS = Set.of(SURVEY, SURVEY + "/awesome-vlm");

    @ParameterizedTest
    @CsvSource({
        "transfer-with-prompt-tuning, transfer-with-prompt-tuning",
        "'  transfer-with-prompt-tuning ', transfer-with-prompt-tuning",
        "category/transfer-with-prompt-tuning, transfer-with-prompt-tuning",
        "https://w3id.org/vlm-survey/resource/category/pre-training-with-contrastive-objective, pre-training-with-contrastive-objective"
    })
    void knownCategories(String given, String slug) {
        assertEquals(slug, PageParameters.categorySlug(given, SLUGS));
        assertEquals(PREFIX + slug, PageParameters.categoryIri(slug));
    }

    static List<Object[]> invalid() {
        return List.of(
                new Object[] {"category", "no-such-category", 404, "no method category " + PREFIX + "no-such-category"},
                new Object[] {
                    "category", PREFIX + "x> . BIND(CONCAT(?a, ?a) AS ?b) } #", 400, "is not a method category"
                },
                new Object[] {"category", "x> . ?a ?b ?c } #", 400, "is not a method category"},
                new Object[] {"category", "https://example.org/category/x", 400, "is not a method category"},
                new Object[] {"category", "Transfer-With-Prompt-Tuning", 400, "is not a method category"},
                new Object[] {"category", "a\nb", 400, "\"a?b\""},
                new Object[] {"category", "a".repeat(201), 400, "201 characters; at most 200"},
                new Object[] {"venue", "NoSuch", 404, "no venue \"NoSuch\""},
                new Object[] {"venue", "CVPR\" } #", 404, "no venue"},
                new Object[] {"year", "20x1", 400, "not a year"},
                new Object[] {"year", "1066", 404, "no paper of the year 1066"},
                new Object[] {"code", "no", 400, "give code=yes"},
                new Object[] {"survey", "survey/no-such-survey", 404, "no survey " + SURVEY + "/no-such-survey"},
                new Object[] {"survey", SURVEY + "/x> . ?a ?b ?c } #", 400, "is not a survey"},
                new Object[] {"survey", "https://example.org/survey/x", 400, "is not a survey"},
                new Object[] {"survey", "Survey/Awesome", 400, "is not a survey"},
                new Object[] {"survey", "awesome-vlm", 400, "is not a survey"},
                new Object[] {"survey", "survey/", 400, "is not a survey"},
                new Object[] {"survey", "survey/a/b", 400, "is not a survey"},
                new Object[] {"survey", "survey/a\nb", 400, "is not a survey"},
                new Object[] {"survey", "s".repeat(201), 400, "201 characters; at most 200"},
                new Object[] {"version", "zzz", 400, "is not a version"},
                new Object[] {"version", "abcdef", 400, "is not a version"}, // 6 hex digits: too short
                new Object[] {"version", "a".repeat(41), 400, "is not a version"},
                new Object[] {"version", "HEAD~1", 400, "is not a version"},
                new Object[] {"version", "2023-6-5", 400, "is not a version"},
                new Object[] {"version", "2023-02-30", 400, "not a day of the calendar"},
                new Object[] {"version", "2023-13-01", 400, "not a day of the calendar"},
                new Object[] {"version", "abc\ndef0", 400, "is not a version"},
                new Object[] {"version", "abcdef0' } #", 400, "is not a version"},
                new Object[] {"version", "9".repeat(201), 400, "201 characters; at most 200"},
                new Object[] {"sort", "bogus", 400, "is not a column to sort by"},
                new Object[] {"task", "Juggling", 404, "no task \"Juggling\""},
                new Object[] {"task", "t".repeat(201), 400, "201 characters; at most 200"},
                new Object[] {"sort", "--year", 400, "is not a column to sort by"},
                new Object[] {"sort", "year } ORDER BY ?x #", 400, "is not a column to sort by"},
                new Object[] {"sort", "y".repeat(201), 400, "201 characters; at most 200"});
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource
    void invalid(String parameter, String value, int status, String message) {
        Supplier<String> check =
                switch (parameter) {
                    case "category" -> () -> PageParameters.categorySlug(value, SLUGS);
                    case "venue" -> () -> PageParameters.venue(value, Set.of("CVPR", "ICLR"));
                    case "year" -> () -> PageParameters.year(value, Set.of("2021", "2022"));
                    case "survey" -> () -> PageParameters.survey(value, SURVEYS);
                    case "version" -> () -> PageParameters.version(value).text();
                    case "sort" -> () -> PageParameters.sort(value, Set.of("title", "year"));
                    case "task" -> () -> PageParameters.oneOf("task", value, Set.of("Image Classification"));
                    default -> () -> PageParameters.code(value);
                };
        PageParameters.Invalid e = assertThrows(PageParameters.Invalid.class, check::get);
        assertEquals(status, e.status());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(status == 404 ? "Not found: " : "Bad request: "), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "a client error carries no stack trace");
    }

    @ParameterizedTest
    @CsvSource({
        "survey, " + SURVEY,
        "' survey ', " + SURVEY,
        "survey/awesome-vlm, " + SURVEY + "/awesome-vlm",
        SURVEY + "/awesome-vlm, " + SURVEY + "/awesome-vlm"
    })
    void knownSurveys(String given, String iri) {
        assertEquals(iri, PageParameters.survey(given, SURVEYS));
        assertEquals(
                given.strip().startsWith("http") ? "survey/awesome-vlm" : given.strip(), PageParameters.surveyKey(iri));
    }

    @ParameterizedTest
    @CsvSource({"venue, CVPR", "year, 2022", "code, yes", "sort, year", "sort, -year"})
    void knownValues(String parameter, String value) {
        String v =
                switch (parameter) {
                    case "venue" -> PageParameters.venue(value, Set.of("CVPR"));
                    case "year" -> PageParameters.year(value, Set.of("2022"));
                    case "sort" -> PageParameters.sort(value, Set.of("title", "year"));
                    default -> PageParameters.code(value);
                };
        assertEquals(value, v);
    }

    @ParameterizedTest
    @CsvSource({
        "abcdef0, abcdef0,",
        "ABCDEF0123, abcdef0123,",
        "' 0123456789abcdef0123456789abcdef01234567 ', 0123456789abcdef0123456789abcdef01234567,",
        "2023-06-05, , 2023-06-05",
        "2024-02-29, , 2024-02-29"
    })
    void versions(String given, String commit, String day) {
        PageParameters.Revision r = PageParameters.version(given);
        assertEquals(commit, r.commit());
        assertEquals(day == null ? null : java.time.LocalDate.parse(day), r.day());
    }
}
