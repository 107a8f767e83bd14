package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.*;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/**
 * History mode against repositories it cannot build whole: a commit where README.md is a submodule, a README too
 * large, too many versions, too many bytes, too little heap. Small git repositories made with JGit in a temp dir.
 */
class HistoryLimitsTest {
    static final byte[] SURVEY = read("data/vlm-survey.md");

    static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A repository whose first-parent commits have README.md as given: bytes, a gitlink (null), in order. */
    static Path repo(Path dir, List<byte[]> readmes) throws Exception {
        try (Git git = Git.init()
                        .setDirectory(dir.toFile())
                        .setInitialBranch("main")
                        .call();
                ObjectInserter ins = git.getRepository().newObjectInserter()) {
            Repository repo = git.getRepository();
            ObjectId parent = null;
            int i = 0;
            for (byte[] readme : readmes) {
                TreeFormatter tree = new TreeFormatter();
                if (readme == null)
                    tree.append(
                            "README.md",
                            FileMode.GITLINK,
                            ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
                else tree.append("README.md", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, readme));
                PersonIdent who = new PersonIdent(
                        "Maintainer",
                        "m@example.org",
                        Instant.parse("2023-01-01T00:00:00Z").plusSeconds(3600L * i++),
                        ZoneOffset.UTC);
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(ins.insert(tree));
                if (parent != null) c.setParentIds(parent);
                c.setAuthor(who);
                c.setCommitter(who);
                c.setMessage("commit " + i + "\n");
                parent = ins.insert(c);
            }
            ins.flush();
            RefUpdate main = repo.updateRef("refs/heads/main");
            main.setNewObjectId(parent);
            main.forceUpdate();
        }
        return dir;
    }

    static byte[] version(int i) {
        return (new String(SURVEY, StandardCharsets.UTF_8) + "\n<!-- version " + i + " -->\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSubmoduleCommitIsSkippedWithAWarning(@TempDir Path dir) throws Exception {
        repo(dir, java.util.Arrays.asList(version(1), null, version(2)));
        try (GitSnapshots git = GitSnapshots.open(dir, "README.md")) {
            List<Snapshot> versions = git.history();
            assertEquals(2, versions.size());
            assertArrayEquals(version(2), versions.get(1).content());
            assertEquals(1, git.warnings().size(), git.warnings().toString());
            assertTrue(
                    git.warnings()
                            .get(0)
                            .toString()
                            .matches(
                                    "README\\.md@[0-9a-f]{7}: warning: README\\.md is a submodule \\(gitlink\\) in this commit: skipped"),
                    git.warnings().toString());
        }
        Run r = run(
                "history", "--git", dir.toString(), "-o", dir.resolve("h.trig").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("is a submodule (gitlink) in this commit: skipped"), r.err());
        assertTrue(r.err().contains("2 versions: 2 built"), r.err());
    }

    /** The 60 MB README gave a raw JGit stack trace. */
    @Test
    void aReadmeTooLargeIsRefusedNamingTheLimit(@TempDir Path dir) throws Exception {
        byte[] huge = new byte[60_000_000];
        java.util.Arrays.fill(huge, (byte) 'a');
        repo(dir, List.of(version(1), huge));
        Run r = run("history", "--git", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(
                r.err()
                        .matches("(?s)README\\.md@[0-9a-f]{7}: error: history refused: is 60000000 bytes, more than "
                                + HistoryLimits.DEFAULT_MAX_FILE_BYTES + " \\(--history-max-file-size\\)\n"),
                r.err());
        Run raised = run(
                "history",
                "--git",
                dir.toString(),
                "--history-max-file-size",
                "70000000",
                "--history-max-total-size",
                "1000");
        assertTrue(raised.err().contains("more than 1000 (--history-max-total-size)"), raised.err());
    }

    @Test
    void tooManyVersionsAreRefusedNamingTheLimit(@TempDir Path dir) throws Exception {
        List<byte[]> versions = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++)
            versions.add(("# Survey\n\nversion " + i + "\n").getBytes(StandardCharsets.UTF_8));
        repo(dir, versions);
        Run r = run("history", "--git", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(
                dir + " (README.md): error: history refused: has 400 versions, more than "
                        + HistoryLimits.DEFAULT_MAX_VERSIONS + " (--history-max-versions)\n",
                r.err());
        Run serve = run("serve", "--port", "0", "--history-git", dir.toString(), "--history-max-versions", "10");
        assertEquals(1, serve.exit(), serve.err());
        assertTrue(serve.err().contains("has 400 versions, more than 10 (--history-max-versions)"), serve.err());
        assertFalse(serve.err().contains("\tat "), serve.err());
    }

    /** 50 MB of distinct versions ended in a bare out-of-memory exit. */
    @Test
    void tooManyBytesAreRefusedNamingTheLimit(@TempDir Path dir) throws Exception {
        List<byte[]> versions = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] v = new byte[1_700_000];
            java.util.Arrays.fill(v, (byte) ('a' + i % 26));
            v[0] = (byte) i;
            versions.add(v);
        }
        repo(dir, versions);
        Run r = run("history", "--git", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(
                dir + " (README.md): error: history refused: has 51000000 bytes of distinct versions, more than "
                        + HistoryLimits.DEFAULT_MAX_TOTAL_BYTES + " (--history-max-total-size)\n",
                r.err());
    }

    @Test
    void theHeapIsCheckedBeforeBuilding() {
        long tooMuch = Runtime.getRuntime().maxMemory() / HistoryLimits.HEAP_PER_BYTE + 1;
        HistoryLimits unbounded = new HistoryLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
        SourceException e = assertThrows(SourceException.class, () -> unbounded.checkTotal("repo", tooMuch));
        assertTrue(
                e.problem().toString().startsWith("repo: error: history refused: needs about "),
                e.problem().toString());
        assertTrue(e.problem().toString().endsWith("give the JVM more (-Xmx) or build fewer versions"));
        unbounded.checkTotal("repo", SURVEY.length); // the survey itself fits
    }

    @Test
    void badLimitsAreUsageErrors() {
        Run r = run("history", "--git", ".", "--history-max-versions", "0");
        assertEquals(2, r.exit(), r.err());
        assertEquals("history: --history-max-versions must be at least 1\n", r.err());
    }

    @Test
    void aHistoryTrigTheHeapCannotHoldIsRefusedBeforeItIsParsed() throws Exception {
        // the real survey's history in the full form written before: 40,310,679 bytes of TriG, 64 MB free
        org.w3id.vlmsurvey.diagnostics.SourceException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.w3id.vlmsurvey.diagnostics.SourceException.class,
                () -> HistoryLimits.checkTrig("history.trig", 40_310_679L, 64_000_000L));
        assertEquals(
                "history.trig: error: history refused: needs about 120 MB of heap to load (40310679 bytes of TriG), "
                        + "64 MB are free: give the JVM more (-Xmx), or serve --history-git DIR",
                e.getMessage());
        // and as change sets, 9,375,900 bytes: 28 MB, fits in the default 512 MB heap (and in 64 MB)
        HistoryLimits.checkTrig("history.trig", 9_375_900L, 512_000_000L);
        HistoryLimits.checkTrig("history.trig", 9_375_900L, 64_000_000L);
        // and History.read applies it to the file's size: a sparse file of 1 TB is refused without being read
        java.nio.file.Path big = java.nio.file.Files.createTempFile("huge", ".trig");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 40);
        }
        try {
            org.w3id.vlmsurvey.diagnostics.SourceException r = org.junit.jupiter.api.Assertions.assertThrows(
                    org.w3id.vlmsurvey.diagnostics.SourceException.class, () -> History.read(big));
            org.junit.jupiter.api.Assertions.assertTrue(
                    r.getMessage().startsWith(big + ": error: history refused: needs about 3298534 MB of heap"),
                    r.getMessage());
        } finally {
            java.nio.file.Files.delete(big);
        }
    }
}
