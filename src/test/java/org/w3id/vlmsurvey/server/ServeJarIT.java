package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar, started as the README says ({@code java -jar target/vlm-survey-kg.jar serve}, here on port 0),
 * answers the question "contrastive methods with code released in 2022" with the 12 papers of the survey.
 */
class ServeJarIT {
    @Test
    void shadedJarServesTheSurvey() throws Exception {
        try (ServedJar served = ServedJar.serve()) {
            String base = served.url();
            assertTrue(base.startsWith("http://127.0.0.1:"), base);
            var r = Http.query(base, ServerTest.CONTRASTIVE_2022, "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            List<String> names = r.body().lines().skip(1).map(String::strip).toList();
            assertEquals(ServerTest.CONTRASTIVE_2022_PAPERS, names);
            assertEquals(200, Http.get(base + "/", "text/html").statusCode());
            assertEquals(
                    200,
                    Http.get(base + "/resource/paper/arxiv-2103.00020", "text/turtle")
                            .statusCode());
            // The pages' templates and queries are read from the jar.
            assertEquals(
                    41,
                    PagesTest.records(Http.get(base + "/papers.csv", null).body())
                            .size());
            var paper = Http.get(base + "/resource/paper/arxiv-2103.00020", "text/html");
            assertEquals(200, paper.statusCode());
            assertTrue(paper.body().contains("<meta name=\"citation_arxiv_id\" content=\"2103.00020\">"), paper.body());
        }
    }
}
