package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.Golden;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.validate.ShapesValidator;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * {@code history} and {@code diff} on the test history ({@link TestHistory}): the versions read, the report of the
 * skipped version, the TriG (byte-identical on two runs), and the exact change lists between versions.
 */
class HistoryTest {
    static final Path EXPECTED = Path.of("src/test/resources/history/expected");

    @TempDir
    static Path tmp;

    static TestHistory repo;

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
        assertEquals(
                repo.versions.stream().map(TestHistory.Commit::sha).toList(),
                s.stream().map(Snapshot::commit).toList());
        assertEquals(
                repo.versions.stream().map(c -> c.date()).toList(),
                s.stream().map(x -> x.time().toString()).toList());
        assertEquals(
                List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"),
                repo.versions.stream().map(TestHistory.Commit::version).toList());
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
        assertEquals(0, tsv.exit(), "v3 has a warning (its empty row), no error: " + tsv.err());
        Run md = run(
                "diff",
                "--git",
                repo.dir.toString(),
                "--format",
                "md",
                repo.version("v4").sha(),
                "HEAD");
        Golden.assertText(EXPECTED.resolve("diff-v4-head.md"), md.out());
        assertEquals(0, md.exit(), md.err());
        Run table = run(
                "diff",
                "--git",
                repo.dir.toString(),
                repo.version("v5").short7(),
                repo.version("v7").short7());
        Golden.assertText(EXPECTED.resolve("diff-v5-v7.txt"), table.out());
        Run ttl = run(
                "diff",
                "--git",
                repo.dir.toString(),
                "--format",
                "ttl",
                repo.version("v7").sha(),
                "HEAD");
        Golden.assertText(EXPECTED.resolve("diff-v7-head.ttl"), ttl.out());
    }

    @Test
    void diffBetweenTwoFiles() throws IOException {
        Run tsv =
                run("diff", "--format", "tsv", "src/test/resources/history/v7.md", "src/test/resources/history/v8.md");
        Golden.assertText(EXPECTED.resolve("diff-v7-v8-files.tsv"), tsv.out());
        assertEquals(0, tsv.exit(), tsv.err());
    }

    @Test
    void theHistoryAndAChangeSetConformToTheShapes() {
        History h;
        try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
            h = History.build(git.history(), 2);
        }
        assertEquals(List.of(), ShapesValidator.validate(h.dataset().getDefaultGraph(), "history"));
        Snapshot v5 = h.versions().get(4).snapshot(), v8 = h.latest().snapshot();
        Graph changes =
                Diff.toRdf(Diff.between(h.versions().get(4).data(), h.latest().data()), v5, v8);
        assertEquals(List.of(), ShapesValidator.validate(changes, "changes"));
        assertEquals(
                List.of(7L, 3L, 2L, 10L),
                List.of(
                        h.versions().get(5).counts().papers(),
                        h.versions().get(5).counts().datasets(),
                        h.versions().get(5).counts().categories(),
                        h.versions().get(5).counts().entries()),
                "v7: counts read off v7.md (News and its sub-heading are no method categories)");
    }

    @Test
    void readsAFolderOfDatedCopiesAndMapsEqualContentsOnce() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("copies"));
        String[] dates = {
            "2023-04-07",
            "2023-04-18",
            "2023-06-05",
            "2023-06-07",
            "2023-08-01",
            "2023-09-10",
            "2023-09-12",
            "2024-01-15"
        };
        for (int i = 0; i < dates.length; i++)
            Files.copy(TestHistory.VERSIONS.resolve("v" + (i + 1) + ".md"), dir.resolve(dates[i] + "-README.md"));
        Files.copy(TestHistory.VERSIONS.resolve("v8.md"), dir.resolve("2024-02-01.md"));
        Files.writeString(dir.resolve("notes.md"), "not a dated copy");
        Path out = tmp.resolve("copies.trig");
        Run r = run("history", "--dir", dir.toString(), "-o", out.toString());
        Path v6 = dir.resolve("2023-09-10-README.md");
        assertEquals(
                v6
                        + ":29: error: row not mapped: no paper title in its first cell: ||CVPR 2023|[Code](https://github.com/x/unfinished)|\n"
                        + v6 + ": skipped (1 error)\n"
                        + "9 versions: 8 built (8 contents mapped, 1 equal to an earlier version), 1 skipped\n",
                r.err());
        DatasetGraph ds = History.read(out);
        List<String> names = new ArrayList<>();
        ds.listGraphNodes().forEachRemaining(n -> names.add(n.getURI().substring(VLM.VERSION.length())));
        Collections.sort(names);
        assertEquals(
                List.of(
                        "2023-04-07-README",
                        "2023-04-18-README",
                        "2023-06-05-README",
                        "2023-06-07-README",
                        "2023-08-01-README",
                        "2023-09-12-README",
                        "2024-01-15-README",
                        "2024-02-01"),
                names);
        assertTrue(ds.getDefaultGraph()
                .contains(
                        NodeFactory.createURI(VLM.VERSION + "2024-02-01"),
                        DCTerms.date.asNode(),
                        NodeFactory.createLiteralDT("2024-02-01T00:00:00Z", XSDDatatype.XSDdateTime)));
    }

    @Test
    void badInputIsReportedWithItsName() {
        Run notGit = run("history", "--git", tmp.toString());
        assertEquals(1, notGit.exit());
        assertEquals(tmp + ": error: not a git repository (no .git folder, not a bare repository)\n", notGit.err());
        Run noFile = run("history", "--git", repo.dir.toString(), "--file", "MISSING.md");
        assertEquals(repo.dir + ": error: no commit on the first-parent line of HEAD has MISSING.md\n", noFile.err());
        Run badRev = run("diff", "--git", repo.dir.toString(), "HEAD", "nope");
        assertEquals(repo.dir + ": error: no such revision: nope\n", badRev.err());
        assertEquals(1, badRev.exit());
        Run badFormat = run("diff", "--format", "xml", "a.md", "b.md");
        assertEquals(2, badFormat.exit());
        assertTrue(
                badFormat
                        .err()
                        .startsWith("Invalid value for option '--format': expected one of [TABLE, TSV, MD, TTL] "
                                + "(case-insensitive) but was 'xml'"),
                badFormat.err());
        Run both = run("history", "--git", repo.dir.toString(), "--dir", tmp.toString());
        assertEquals(2, both.exit());
    }
}
