package org.w3id.vlmsurvey.query;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search page's text as a Lucene query: what is searched for, and what is refused with which message. */
class SearchTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLIP|CLIP",
                "promt|(promt^2 promt~1)",
                "contrastiv|(contrastiv^2 contrastiv~2)",
                "CLIP contrastive|(CLIP (contrastive^2 contrastive~2))",
                "+prompt -visual|(+(prompt^2 prompt~1) -(visual^2 visual~1))",
                "\"vision language\"|\"vision language\"",
                "segment*|segment*",
                "contrast~|contrast~2",
                "prompt^3|((prompt^2 prompt~1))^3.0",
                "a1b2c3d4|a1b2c3d4",
                "one two three four|(one two (three^2 three~1) four)",
                "alpha bravo charlie delta echoes|((alpha^2 alpha~1) (bravo^2 bravo~1) (charlie^2 charlie~1) (delta^2 delta~1) echoes)",
                "CLIP-Adapter|CLIP\\-Adapter",
            })
    void textIsWrittenAsALuceneQuery(String text, String lucene) {
        assertEquals(lucene, SearchText.lucene(text, TextSearchLimits.defaults()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "((prompt AND|Cannot parse",
                "title:clip|fields are not searched by name",
                "*ing|not allowed as first character",
                "/pro.*/|regular expressions",
                "a* b* c* d* e*|at most 4",
                "[a TO z]|does not offer",
            })
    void refusedWithTheReason(String text, String reason) {
        QueryRefused e = assertThrows(QueryRefused.class, () -> SearchText.lucene(text, TextSearchLimits.defaults()));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
