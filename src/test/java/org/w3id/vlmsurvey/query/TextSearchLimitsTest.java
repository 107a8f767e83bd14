package org.w3id.vlmsurvey.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The bounded Lucene parser of text:query search texts, table-driven: what passes, what is refused and why. */
class TextSearchLimitsTest {
    static final TextSearchLimits DEFAULTS = TextSearchLimits.defaults();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "prompt",
                "prompt tuning",
                "\"prompt tuning\"",
                "prompt AND (clip OR align)",
                "title:prompt",
                "prompt*",
                "pro?pt",
                "prompt~1",
                "prompt~ tuning~ clip* align*",
                "+prompt -clip",
                "[a TO c]"
            })
    void allowed(String text) {
        assertDoesNotThrow(() -> DEFAULTS.check(text));
    }

    static Object[][] refused() {
        String many = IntStream.range(0, 65).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        return new Object[][] {
            {"*rompt", "'*' or '?' not allowed as first character"},
            {"?rompt", "'*' or '?' not allowed as first character"},
            {"/pro.*/", "regular expressions (/.../) are off"},
            {"/re/", "regular expressions (/.../) are off"},
            {"a* b* c* d* e*", "5 wildcard, prefix, fuzzy or range terms; at most 4"},
            {"abcdefghijklmnopqrstuvwxyzabcdefghij~2", "a fuzzy term (word~) has at most 32 characters"},
            {many, "65 clauses; at most 64"},
            {"x".repeat(2001), "2001 characters; at most 2000"},
            {"title:((((", "Cannot parse"},
            {"AND", "Cannot parse"},
            {
                IntStream.range(0, 700).mapToObj(i -> "a" + i + "*b*c").collect(Collectors.joining(" ")),
                "characters; at most 2000"
            },
        };
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void refused(String text, String why) {
        QueryRefused e = assertThrows(QueryRefused.class, () -> DEFAULTS.check(text));
        assertTrue(e.getMessage().startsWith("text:query: "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "one short message: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"*rompt", "/pro.*/"})
    void theOperatorMayAllowLeadingWildcardsAndRegex(String text) {
        assertDoesNotThrow(() -> new TextSearchLimits(64, true, true).check(text));
    }

    @ParameterizedTest
    @CsvSource({"3, a b c", "3, \"a b c\""})
    void theClauseLimitIsTheOperators(int max, String text) {
        assertDoesNotThrow(() -> new TextSearchLimits(max, false, false).check(text));
        assertThrows(QueryRefused.class, () -> new TextSearchLimits(max - 1, false, false).check(text));
    }
}
