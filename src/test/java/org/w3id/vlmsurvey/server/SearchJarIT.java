package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Full-text search in the shaded jar: Lucene finds its codecs and postings formats through META-INF/services,
 * which the shade plugin must merge (ServicesResourceTransformer); without them the index cannot be opened.
 * {@code text:query} over HTTP gives the same exact answer as from the classes ({@link TextSearchTest}).
 */
class SearchJarIT {
    @Test
    void textQueryWorksInTheShadedJar() throws Exception {
        try (ServedJar served = ServedJar.serve()) {
            var r = Http.query(
                    served.url(),
                    TextSearchTest.PREFIXES
                            + "SELECT DISTINCT ?name { ?x text:query (" + TextSearchTest.ALL + " 'prompting') ."
                            + " OPTIONAL { ?x vlm:shortName ?short } OPTIONAL { ?x skos:prefLabel ?pref } OPTIONAL { ?x dcterms:title ?title }"
                            + " BIND(COALESCE(?short, ?pref, ?title) AS ?name) } ORDER BY ?name",
                    "text/csv");
            assertEquals(200, r.statusCode(), r.body() + "\n" + served.output());
            assertEquals(
                    TextSearchTest.sorted(TextSearchTest.PROMPT_PAPERS, TextSearchTest.PROMPT_CATEGORIES),
                    r.body().lines().skip(1).map(String::strip).toList());
            var page = Http.get(served.url() + "/search.csv?q=prompt", null);
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(16, page.body().lines().count(), "a header and 15 hits: " + page.body());
            assertTrue(
                    page.body()
                            .contains(
                                    "https://w3id.org/vlm-survey/resource/paper/arxiv-2109.01134,paper,CoOp: Learning to Prompt"),
                    page.body());
        }
    }
}
