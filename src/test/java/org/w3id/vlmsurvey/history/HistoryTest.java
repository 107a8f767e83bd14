package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.Golden;
import org.w3id.vlmsurvey.cli.Main;

/**
 * {@code history} and {@code diff} on the test history ({@link TestHistory}): the versions read, the report of the
 * skipped version, the TriG (byte-identical on two runs), and the exact change lists between versions.
 */
class HistoryTest {
    static final Path EXPECTED = Path.of("src/test/resources/history/expected");

    @TempDir static Path tmp;
    static TestHistory repo;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void create() throws IOException {
        repo = TestHistory.create(tmp.resolve("survey"));
    }

    @Test
    void readsTheCommitsThatChangedTheFileInFirstParentOrder() {
        List<Snapshot> s;
        try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
            s = git.history();
        }
        assertEquals(repo.versions.stream().map(TestHistory.Commit::sha).toList(), s.stream().map(Snapshot::commit).toList());
        assertEquals(repo.versions.stream().map(c -> c.date()).toList(), s.stream().map(x -> x.time().toString()).toList());
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"), repo.versions.stream().map(TestHistory.Commit::version).toList());
    }

    @Test
    void writesTheSameTrigTwiceAndReportsTheSkippedVersionWithItsCommitAndLine() throws IOException {
        Path a = tmp.resolve("a.trig"), b = tmp.resolve("b.trig");
        Run first = run("history", "--git", repo.dir.toString(), "-o", a.toString());
        Run second = run("history", "--git", repo.dir.toString(), "-o", b.toString(), "--threads", "1");
        assertEquals(first.err(), second.err());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "two runs must write the same bytes");
        Golden.assertText(EXPECTED.resolve("history.err"), first.err());
        Golden.assertText(EXPECTED.resolve("history.trig"), Files.readString(a));
        assertEquals(1, first.exit(), "a skipped version exits 1");
    }

    @Test
    void diffBetweenTwoCommits() throws IOException {
        String from = repo.version("v3").sha(), to = repo.version("v8").sha();
        Run tsv = run("diff", "--git", repo.dir.toString(), "--format", "tsv", from, to);
        Golden.assertText(EXPECTED.resolve("diff-v3-v8.tsv"), tsv.out());
        assertEquals(1, tsv.exit(), "v3 has an error (its empty row)");
        Run md = run("diff", "--git", repo.dir.toString(), "--format", "md", repo.version("v4").sha(), "HEAD");
        Golden.assertText(EXPECTED.resolve("diff-v4-head.md"), md.out());
        assertEquals(0, md.exit(), md.err());
        Run table = run("diff", "--git", repo.dir.toString(), repo.version("v5").short7(), repo.version("v7").short7());
        Golden.assertText(EXPECTED.resolve("diff-v5-v7.txt"), table.out());
        Run ttl = run("diff", "--git", repo.dir.toString(), "--format", "ttl", repo.version("v7").sha(), "HEAD");
        Golden.assertText(EXPECTED.resolve("diff-v7-head.ttl"), ttl.out());
    }

    @Test
    void diffBetweenTwoFiles() throws IOException {
        Run tsv = run("diff", "--format", "tsv", "src/test/resources/history/v7.md", "src/test/resources/history/v8.md");
        Golden.assertText(EXPECTED.resolve("diff-v7-v8-files.tsv"), tsv.out());
        assertEquals(0, tsv.exit(), tsv.err());
    }
}
