package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** A paper known by its DOI has a page: its IRI holds an encoded "/" ({@code %2F}), which Jetty refused with 400. */
class DoiPageTest {
    @Test
    void aPaperIdentifiedByItsDoiHasAPage() {
        try (SurveyServer server = SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.file(Path.of("src/test/resources/mapping/identity/input.md")))
                        .port(0)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                null,
                1)) {
            HttpResponse<String> r =
                    Http.get(server.url() + "/resource/paper/doi-10.1109%2Ftpami.2024.3369699", "text/html");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("<h1"), r.body());
            assertTrue(r.body().contains("10.1109/tpami.2024.3369699"), r.body());
            HttpResponse<String> ttl =
                    Http.get(server.url() + "/resource/paper/doi-10.1109%2Ftpami.2024.3369699", "text/turtle");
            assertEquals(200, ttl.statusCode(), ttl.body());
            // a dot-dot segment stays refused
            assertEquals(
                    400,
                    Http.get(server.url() + "/static/%2E%2E/%2E%2E/pom.xml", null)
                            .statusCode());
        }
    }
}
