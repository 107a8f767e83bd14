package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --history-git} with bad input: a clear error naming the folder and the cause, never a stack trace. */
class ServeHistoryInputTest {
    @Test
    void aFolderThatIsNotARepository(@TempDir Path dir) {
        Cli.Run r = Cli.run("serve", "--port", "0", "--history-git", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(dir + ": error: not a git repository"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aRepositoryWithoutTheFile(@TempDir Path dir) throws Exception {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("NOTES.md"), "notes\n");
            git.add().addFilepattern("NOTES.md").call();
            git.commit()
                    .setMessage("notes")
                    .setAuthor("a", "a@example.org")
                    .setCommitter("a", "a@example.org")
                    .setSign(false)
                    .call();
        }
        Cli.Run r = Cli.run("serve", "--port", "0", "--history-git", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(
                r.err().contains(dir + ": error: no commit on the first-parent line of HEAD has README.md"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /** A URL that is no repository: the clone fails, named by the URL; the temporary clone folder is not left. */
    @Test
    void aUrlThatIsNotARepository(@TempDir Path dir) {
        String url = dir.resolve("nonexistent").toUri().toString();
        Cli.Run r = Cli.run("serve", "--port", "0", "--no-cache", "--history-git", url);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(url + ": error: cannot clone it: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /** Only https, http and file URLs: ssh (either spelling), git and ftp are refused before any connection. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "ssh://git@github.com/jingyi0000/VLM_survey.git | the scheme ssh is not taken: give an https, http, file URL, or a folder",
                "git@github.com:jingyi0000/VLM_survey.git        | an ssh address is not taken",
                "git://github.com/jingyi0000/VLM_survey.git      | the scheme git is not taken",
                "ftp://example.org/survey.git                    | the scheme ftp is not taken",
                "https:///VLM_survey.git                         | no host in the URL",
            })
    void urlsOfOtherSchemesAreRefused(String url, String message) {
        Cli.Run r = Cli.run("serve", "--port", "0", "--no-cache", "--history-git", url);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(url + ": error: " + message), r.err());
    }

    /** --refresh follows a repository: without one it is a usage error, not ignored. */
    @Test
    void refreshWithoutARepository() {
        Cli.Run r = Cli.run("serve", "--port", "0", "--refresh", "10m");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("serve: --refresh needs --history-git DIR|URL"), r.err());
    }

    /** A password in the URL is never printed. */
    @Test
    void aPasswordInTheUrlIsHidden() {
        Cli.Run r = Cli.run(
                "serve", "--port", "0", "--no-cache", "--history-git", "ftp://reader:s3cret@example.org/survey.git");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("ftp://reader:***@example.org/survey.git: error: "), r.err());
        assertFalse(r.err().contains("s3cret"), r.err());
    }

    /** A TriG file that describes no version (here: an empty one) would have served the bundled survey instead. */
    @Test
    void aHistoryFileWithoutVersions(@TempDir Path dir) throws Exception {
        Path trig = Files.writeString(dir.resolve("history.trig"), "");
        Cli.Run r = Cli.run("serve", "--port", "0", "--history", trig.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(trig + ": error: no version of the survey to serve"), r.err());
    }

    /**
     * Several histories are read once, at start-up: --refresh (not zero) with several --history-git is a usage error
     * before any repository is read; --refresh 0 is taken (it goes on to read the repositories: here none is one).
     */
    @Test
    void refreshFollowsOneHistoryGitOnly(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Cli.Run r = serveTwoHistories(a, b, "10m");
        assertEquals(2, r.exit(), r.err());
        assertTrue(
                r.err().contains("serve: --refresh follows one --history-git; several are read once, at start-up"),
                r.err());
        Cli.Run zero = serveTwoHistories(a, b, "0");
        assertEquals(1, zero.exit(), zero.err());
        assertTrue(zero.err().contains(a + ": error: not a git repository"), zero.err());
    }

    /** {@code serve --history-git a --history-git b --refresh refresh} on any port, without the cache. */
    static Cli.Run serveTwoHistories(Path a, Path b, String refresh) throws Exception {
        return Cli.run(
                "serve",
                "--port",
                "0",
                "--no-cache",
                "--history-git",
                a.toString(),
                "--history-git",
                b.toString(),
                "--refresh",
                refresh);
    }

    /** Several histories: a second --history-git that is not a repository is named, before anything is served. */
    @Test
    void aSecondHistoryGitThatIsNotARepository(@TempDir Path dir) throws Exception {
        java.util.List<org.w3id.vlmsurvey.history.TestHistory> two =
                org.w3id.vlmsurvey.history.TestHistory.twoSurveys(dir);
        Path notRepo = Files.createDirectories(dir.resolve("not-a-repo"));
        Cli.Run r = Cli.run(
                "serve",
                "--port",
                "0",
                "--no-cache",
                "--history-git",
                two.get(0).dir.toString(),
                "--history-git",
                notRepo.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(notRepo + ": error: not a git repository"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
