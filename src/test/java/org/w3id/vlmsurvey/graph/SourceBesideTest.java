package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files beside a survey that {@code serve --watch} watches and re-reads: {@link SurveyGraph.Source#watched} names
 * them whether they exist or not, {@link SurveyGraph.Source#besideNow} reads those that exist now.
 */
class SourceBesideTest {
    @Test
    void watchedNamesTheSurveyAndBothFilesBesideIt(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("survey.md"), "# s\n");
        SurveyGraph.Source s = SurveyGraph.Source.file(md);
        assertEquals(
                List.of(
                        md,
                        dir.toAbsolutePath().resolve("links.ttl"),
                        dir.toAbsolutePath().resolve("metadata.ttl")),
                s.watched());
        assertEquals(List.of(), SurveyGraph.Source.bundled().watched(), "the bundled survey never changes");
    }

    @Test
    void besideNowFollowsFilesCreatedAndDeleted(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("survey.md"), "# s\n");
        SurveyGraph.Source s = SurveyGraph.Source.file(md);
        assertNull(s.links());
        assertNull(s.metadata());
        Path links = Files.writeString(dir.resolve("links.ttl"), "");
        Path metadata = Files.writeString(dir.resolve("metadata.ttl"), "");
        SurveyGraph.Source now = s.besideNow();
        assertEquals(links.toAbsolutePath(), now.links());
        assertEquals(metadata.toAbsolutePath(), now.metadata());
        assertEquals(s.name(), now.name());
        assertEquals(s.path(), now.path());
        Files.delete(links);
        assertNull(now.besideNow().links());
        assertEquals(metadata.toAbsolutePath(), now.besideNow().metadata());
        assertNotEquals(
                s.read().digest(),
                now.besideNow().read().digest(),
                "an empty metadata file still counts in the digest");
        var gone = assertThrows(org.w3id.vlmsurvey.diagnostics.SourceException.class, now::read);
        assertTrue(gone.getMessage().contains("no such file"), "deleted after it was resolved: an error, not ignored");
    }
}
