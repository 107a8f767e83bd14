package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.vlmsurvey.history.TestHistory;

/** The versions of the test history as the server looks them up: by commit, by day, and the nearest to a miss. */
class SurveyVersionsTest {
    @TempDir
    static Path tmp;

    static TestHistory repo;
    static SurveyVersions versions;

    @BeforeAll
    static void build() throws IOException {
        repo = TestHistory.create(tmp.resolve("survey"));
        versions = SurveyVersions.of(repo.history().dataset());
    }

    @Test
    void oldestFirstAlongTheRevisionChain() {
        assertEquals(
                List.of("v1", "v2", "v3", "v4", "v5", "v7", "v8").stream()
                        .map(v -> repo.version(v).sha())
                        .toList(),
                versions.all().stream().map(SurveyVersions.Version::commit).toList());
        assertEquals(repo.version("v8").sha(), versions.latest().commit());
        assertEquals(6, versions.latest().papers());
        assertNull(SurveyVersions.of(DatasetGraphFactory.create()), "no version described");
    }

    @ParameterizedTest
    @CsvSource({
        "2023-04-07, v1", // the day of the first version
        "2023-04-17, v1",
        "2023-06-07, v4",
        "2023-09-11, v5", // v6 (2023-09-10) was skipped
        "2024-01-14, v7", // the side branch's commit of 2024-01-10 is not on the first-parent line
        "2030-01-01, v8",
        "2019-01-01, "
    })
    void byDay(String day, String version) {
        assertEquals(
                version == null ? null : repo.version(version).sha(),
                versions.onOrBefore(LocalDate.parse(day))
                        .map(SurveyVersions.Version::commit)
                        .orElse(null));
    }

    @Test
    void byCommit() {
        for (String v : List.of("v1", "v5", "v8")) {
            String sha = repo.version(v).sha();
            for (String given : List.of(sha, sha.substring(0, 7), sha.substring(0, 12)))
                assertEquals(sha, versions.byCommit(given).orElseThrow().commit(), given);
        }
        assertEquals(
                java.util.Optional.empty(), versions.byCommit(repo.version("v6").short7()), "v6 was skipped");
        assertEquals(java.util.Optional.empty(), versions.byCommit("0000000"));
    }

    @Test
    void nearest() {
        // a day: by days apart
        assertEquals(
                List.of("v1", "v2"),
                versions.nearest("2019-01-01", LocalDate.parse("2019-01-01"), 2).stream()
                        .map(this::name)
                        .toList());
        // a commit with one digit wrong: that version first
        String sha = repo.version("v4").sha();
        String typo = sha.substring(0, 6) + (sha.charAt(6) == '0' ? '1' : '0');
        assertEquals("v4", name(versions.nearest(typo, null, 3).get(0)));
    }

    String name(SurveyVersions.Version v) {
        return repo.versions.stream()
                .filter(c -> c.sha().equals(v.commit()))
                .findFirst()
                .orElseThrow()
                .version();
    }
}
