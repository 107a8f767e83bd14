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

    /** A TriG file that describes no version (here: an empty one) would have served the bundled survey instead. */
    @Test
    void aHistoryFileWithoutVersions(@TempDir Path dir) throws Exception {
        Path trig = Files.writeString(dir.resolve("history.trig"), "");
        Cli.Run r = Cli.run("serve", "--port", "0", "--history", trig.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(trig + ": error: no version of the survey to serve"), r.err());
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
