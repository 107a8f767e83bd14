package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the links of a page showing an older version lead ({@link VersionLinks#link}), on a table. */
class VersionLinksTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            /papers                                   | /papers?version=abc1234
            /papers?category=x                        | /papers?category=x&version=abc1234
            /papers.bib?category=x&year=2023          | /papers.bib?category=x&year=2023&version=abc1234
            /papers.json?                             | /papers.json?version=abc1234
            /resource/paper/arxiv-2103.00020          | /resource/paper/arxiv-2103.00020?version=abc1234
            /resource/paper/arxiv-2103.00020.bib      | /resource/paper/arxiv-2103.00020.bib?version=abc1234
            /resource/paper/x?format=ttl#top          | /resource/paper/x?format=ttl&version=abc1234#top
            /search?q=clip&kind=paper                 | /search?q=clip&kind=paper&version=abc1234
            /charts                                   | /charts?version=abc1234
            /categories                               | /categories?version=abc1234
            /datasets                                 | /datasets?version=abc1234
            /venues                                   | /venues?version=abc1234
            /surveys                                  | /surveys?version=abc1234
            ?format=ttl                               | ?format=ttl&version=abc1234
            /papers?version=2023-06-05                | /papers?version=2023-06-05
            /papers?year=2023&version=abc1234         | /papers?year=2023&version=abc1234
            /papers?versions=2                        | /papers?versions=2&version=abc1234
            ?                                         | ?
            /                                         | /
            /versions/abc1234                         | /versions/abc1234
            /changes                                  | /changes
            /changes.atom?category=x                  | /changes.atom?category=x
            /static/site.css                          | /static/site.css
            /survey/sparql                            | /survey/sparql
            /sparql#query=SELECT                      | /sparql#query=SELECT
            /ontology#Paper                           | /ontology#Paper
            /.well-known/void                         | /.well-known/void
            //example.org/papers                      | //example.org/papers
            https://arxiv.org/abs/2103.00020          | https://arxiv.org/abs/2103.00020
            /paperss                                  | /paperss
            """)
    void readerLinksCarryTheVersion(String href, String expected) {
        assertEquals(expected, VersionLinks.link(href, "abc1234"));
        assertEquals(href, VersionLinks.link(href, null), "the newest version's links stay clean");
    }

    @Test
    void theVersionCarriedIsAnOlderOneTheReaderAskedFor() {
        assertEquals("abc1234", VersionLinks.carried(Map.of("short", "abc1234", "newest", false)));
        assertNull(VersionLinks.carried(Map.of("short", "abc1234", "newest", true)), "the newest");
        assertNull(
                VersionLinks.carried(Map.of("short", "abc1234", "newest", false, "unlisted", true)),
                "a resource shown as last listed, no version asked for");
        assertNull(VersionLinks.carried(null), "no history");
        assertNull(VersionLinks.carried("abc1234"), "not a version's model");
    }
}
