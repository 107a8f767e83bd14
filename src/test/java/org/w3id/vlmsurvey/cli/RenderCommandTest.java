package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.history.TestHistory;

/** {@code render}: from a file or a git version, refusing a source with errors unless --force, an unknown version. */
class RenderCommandTest {

    @Test
    void rendersTheNumberedListsOfTheFirstDraft(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("README.md");
        Cli.Run r = Cli.run("render", "--source", "src/test/resources/history/v1.md", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/history/v1.md")), Files.readString(out));
    }

    @Test
    void aSourceWithErrorsIsRefusedUnlessForced() {
        String v6 = "src/test/resources/history/v6.md";
        String error = v6
                + ":29: error: row not mapped: no paper title in its first cell: ||CVPR 2023|[Code](https://github.com/x/unfinished)|\n";
        Cli.Run refused = Cli.run("render", "--source", v6);
        assertEquals(1, refused.exit());
        assertEquals("", refused.out());
        assertEquals(
                error + v6 + ": not rendered: 1 errors (--force renders without the rows they name)\n", refused.err());
        Cli.Run forced = Cli.run("render", "--source", v6, "--force");
        assertEquals(0, forced.exit());
        assertEquals(error, forced.err());
        assertTrue(!forced.out().contains("unfinished") && forced.out().contains("|[SLIP: "), forced.out());
    }

    @Test
    void aVersionFromGitAndAnUnknownOne(@TempDir Path dir) throws Exception {
        TestHistory h = TestHistory.create(dir);
        Cli.Run v7 = Cli.run(
                "render",
                "--history-git",
                dir.toString(),
                "--version",
                h.versions.get(6).sha());
        assertEquals(0, v7.exit(), v7.err());
        assertTrue(v7.out().contains("### Contrastive Pre-training\n"), v7.out());
        assertTrue(v7.out()
                .contains("|[DeCLIP: Supervision Exists Everywhere](https://arxiv.org/abs/2110.05208)|ICLR 2022|"));

        // a mistyped SHA: exit 2, with the versions whose ids are nearest
        String sha = h.versions.get(2).sha();
        String typo = sha.substring(0, 6) + (sha.charAt(6) == '0' ? '1' : '0');
        Cli.Run unknown = Cli.run("render", "--history-git", dir.toString(), "--version", typo);
        assertEquals(2, unknown.exit());
        assertEquals("", unknown.out());
        String[] lines = unknown.err().split("\n");
        assertEquals(dir + ": error: no such revision: " + typo, lines[0]);
        assertEquals("nearest versions of README.md:", lines[1]);
        assertTrue(lines[2].startsWith("  " + sha.substring(0, 7) + "  2023-06-05T12:00:00Z"), unknown.err());
        assertEquals(7, lines.length, "the five nearest");
    }

    @Test
    void versionNeedsAGitRepository() {
        Cli.Run r = Cli.run("render", "--version", "HEAD");
        assertEquals(2, r.exit());
        assertEquals("--version needs --history-git DIR\n", r.err());
    }
}
