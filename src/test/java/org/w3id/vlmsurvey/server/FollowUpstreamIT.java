package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.Eventually;
import org.w3id.vlmsurvey.history.GitMirror;

/**
 * {@code serve --history-git file://... --refresh 1s} as the README says, the shaded jar in its own process: the
 * clone in the cache folder, and a commit made while it runs served by the timer, with no restart.
 */
class FollowUpstreamIT {
    @Test
    void theJarFollowsARepositoryByUrl(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        try (FollowUpstreamTest.Upstream up = new FollowUpstreamTest.Upstream(tmp.resolve("upstream"))) {
            up.commit(FollowUpstreamTest.v3(false));
            try (ServedJar jar =
                    ServedJar.serve("--cache", cache.toString(), "--history-git", up.url(), "--refresh", "1s")) {
                assertTrue(Files.isRegularFile(GitMirror.folder(cache, up.url()).resolve("HEAD")), "the clone");
                assertEquals(3, count(jar.url()));
                up.commit(FollowUpstreamTest.v3(true));
                Eventually.until("the paper added upstream served", () -> count(jar.url()) == 4);
                String search = Http.get(jar.url() + "/search.json?q=" + FollowUpstreamTest.WORD, null)
                        .body();
                assertTrue(search.contains("arxiv-2401.00001"), search);
                assertTrue(Http.get(jar.url() + "/versions", "text/html").body().contains("2 versions of the survey"));
            }
        }
    }

    static int count(String base) {
        var r = Http.get(base + "/papers.json", null);
        assertEquals(200, r.statusCode(), r.body());
        return org.apache.jena.atlas.json.JSON.parseAny(r.body()).getAsArray().size();
    }
}
