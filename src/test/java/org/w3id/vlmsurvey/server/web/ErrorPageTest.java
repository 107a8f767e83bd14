package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a page's 400 or 404 is answered as ({@link ErrorPage#kind}): by extension, then format, then Accept. */
class ErrorPageTest {
    @ParameterizedTest(name = "{0} format={1} Accept={2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            /papers.json                         | null  | text/html,application/xhtml+xml,*/*;q=0.8   | JSON
            /papers.JSON                         | null  | null                                        | JSON
            /papers.csv                          | null  | text/html                                   | TEXT
            /papers.bib                          | null  | application/json                            | TEXT
            /resource/paper/arxiv-2103.00020.ris | null  | null                                        | TEXT
            /papers                              | json  | text/html                                   | JSON
            /resource/paper/arxiv-2103.00020     | jsonld| null                                        | JSON
            /papers                              | html  | application/json                            | HTML
            /papers                              | csv   | text/html                                   | TEXT
            /papers                              | null  | application/json                            | JSON
            /papers                              | null  | application/ld+json                         | JSON
            /papers                              | null  | text/html,application/xhtml+xml,*/*;q=0.8   | HTML
            /papers                              | null  | application/json;q=0.5, text/html           | HTML
            /papers                              | null  | text/html;q=0.5, application/json           | JSON
            /papers                              | null  | */*                                         | TEXT
            /papers                              | null  | text/turtle                                 | TEXT
            /papers                              | null  | null                                        | TEXT
            /v1.2/papers                         | null  | application/json                            | JSON
            /resource/paper/arxiv-2103.00020     | null  | text/html                                   | HTML
            /resource/paper/arxiv-2103.00020     | null  | application/json                            | JSON
            /resource/paper/arxiv-2103.00020     | ttl   | text/html                                   | TEXT
            /resource/paper/arxiv-2103.00020     | xyz   | text/html                                   | TEXT
            /papers.html                         | null  | text/html                                   | HTML
            """)
    void kind(String path, String format, String accept, ErrorPage.Kind expected) {
        assertEquals(expected, ErrorPage.kind(path, format, accept));
    }
}
