package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.history.Histories;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;
import org.w3id.vlmsurvey.vocab.VLM;

/** Issue 18, part 3: {@code history --git A --git B}, one repository per survey, through the program's entry path. */
class SeveralHistoriesTest {
    static final String B = "awesome-prompt-learning-test-fixture";

    @TempDir
    static Path dir;

    static List<TestHistory> repos;

    @BeforeAll
    static void create() throws Exception {
        repos = TestHistory.twoSurveys(dir);
    }

    static String path(int i) {
        return repos.get(i).dir.toString();
    }

    static DatasetGraph trig(String text) {
        DatasetGraph ds = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(text, Lang.TRIG).parse(ds);
        return ds;
    }

    /** The TriG written (change sets) as served: every version a graph ({@link History#served}). */
    static DatasetGraph served(String text) {
        return History.served(trig(text), "history.trig");
    }

    @Test
    void twoRepositoriesGiveEachSurveysVersionsAndTheNewestMerged() {
        Cli.Run run = Cli.run("history", "--git", path(0), "--git", path(1), "--threads", "2");
        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals(
                List.of(
                        path(0) + ": 2 versions: 2 built (2 contents mapped, 0 equal to an earlier version), 0 skipped",
                        path(1)
                                + ": 2 versions: 2 built (2 contents mapped, 0 equal to an earlier version), 0 skipped"),
                run.err().lines().toList());
        DatasetGraph written = trig(run.out());
        // written as change sets: each survey's newest version in full, its older one by what changed
        assertTrue(written.containsGraph(
                NodeFactory.createURI(VLM.VERSION + repos.get(0).versions.get(1).sha())));
        assertTrue(written.containsGraph(NodeFactory.createURI(
                VLM.VERSION + B + "/" + repos.get(1).versions.get(1).sha())));
        assertFalse(written.containsGraph(
                NodeFactory.createURI(VLM.VERSION + repos.get(0).versions.get(0).sha())));
        assertFalse(written.containsGraph(NodeFactory.createURI(
                VLM.VERSION + B + "/" + repos.get(1).versions.get(0).sha())));
        DatasetGraph ds = served(run.out());
        assertEquals(
                4,
                ds.getDefaultGraph()
                        .find(Node.ANY, RDF.type.asNode(), VLM.SurveyVersion.asNode())
                        .toList()
                        .size());
        for (TestHistory.Commit c : repos.get(0).versions)
            assertTrue(ds.containsGraph(NodeFactory.createURI(VLM.VERSION + c.sha())), c.sha());
        for (TestHistory.Commit c : repos.get(1).versions)
            assertTrue(ds.containsGraph(NodeFactory.createURI(VLM.VERSION + B + "/" + c.sha())), c.sha());
        Node clip = NodeFactory.createURI(VLM.RES + "paper/arxiv-2103.00020");
        assertEquals(
                2,
                ds.getGraph(Histories.NEWEST)
                        .find(clip, VLM.listedIn.asNode(), Node.ANY)
                        .toList()
                        .size());
        // the TriG file is served as written (serve --history FILE.trig): the newest of each survey, merged
        Path trig = dir.resolve("two.trig");
        try {
            Files.writeString(trig, run.out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var served = org.w3id.vlmsurvey.server.store.SurveyVersions.of(org.w3id.vlmsurvey.history.History.read(trig));
        assertTrue(served.merged());
        assertEquals(2, served.all().size(), "the first survey's versions");
        assertEquals(
                12,
                served.newest()
                        .find(Node.ANY, RDF.type.asNode(), VLM.Paper.asNode())
                        .toList()
                        .size());
        // one repository gives what it always gave: no merged graph, the first survey's version IRIs
        Cli.Run one = Cli.run("history", "--git", path(0), "--threads", "2");
        assertEquals(Main.OK, one.exit(), one.err());
        assertEquals(
                List.of("2 versions: 2 built (2 contents mapped, 0 equal to an earlier version), 0 skipped"),
                one.err().lines().toList());
        assertFalse(one.out().contains(Histories.NEWEST.getURI()));
        DatasetGraph alone = served(one.out());
        for (TestHistory.Commit c : repos.get(0).versions)
            assertTrue(alone.containsGraph(NodeFactory.createURI(VLM.VERSION + c.sha())), c.sha());
        assertEquals(2, alone.size(), "the two versions' graphs");
    }

    @Test
    void aSecondGitThatIsNotARepositoryIsNamedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path notRepo = Files.createDirectories(tmp.resolve("not-a-repo")), out = tmp.resolve("history.trig");
        Cli.Run run = Cli.run("history", "--git", path(0), "--git", notRepo.toString(), "-o", out.toString());
        assertEquals(Main.PROBLEMS, run.exit(), run.err());
        assertEquals(
                List.of(notRepo + ": error: not a git repository (no .git folder, not a bare repository)"),
                run.err().lines().toList());
        assertFalse(Files.exists(out), "nothing written");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(notRepo), files.toList(), "no part file left");
        }
    }

    @Test
    void theSurveyFileIsGivenOnceOrOncePerRepository(@TempDir Path tmp) {
        Cli.Run each =
                Cli.run("history", "--git", path(0), "--git", path(1), "--file", "README.md", "--file", "NOTES.md");
        assertEquals(Main.PROBLEMS, each.exit(), each.err());
        assertEquals(
                List.of(path(1) + ": error: no commit on the first-parent line of HEAD has NOTES.md"),
                each.err().lines().toList(),
                "the second file is the second repository's");
        Cli.Run three = Cli.run(
                "history", "--git", path(0), "--git", path(1), "--file", "a.md", "--file", "b.md", "--file", "c.md");
        assertEquals(Main.USAGE, three.exit(), three.err());
        assertTrue(
                three.err()
                        .contains("give --file once (for every repository) or once per --git, in the same order: 2 "
                                + "--git, 3 --file"),
                three.err());
        Cli.Run once = Cli.run(
                "history",
                "--git",
                path(0),
                "--git",
                path(1),
                "--file",
                "README.md",
                "--threads",
                "2",
                "-o",
                tmp.resolve("h.trig").toString());
        assertEquals(Main.OK, once.exit(), once.err());
    }

    /** {@code --dir A --dir B}: one folder of dated copies per survey, the later survey's versions under its slug. */
    @Test
    void twoFoldersOfDatedCopies(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a")), b = Files.createDirectories(tmp.resolve("b"));
        Files.copy(TestHistory.VERSIONS.resolve("v7.md"), a.resolve("2023-09-12.md"));
        Files.copy(TestHistory.VERSIONS.resolve("v8.md"), a.resolve("2024-01-15.md"));
        Files.copy(TestHistory.PROMPTING, b.resolve("2024-03-01-prompting.md"));
        Cli.Run run = Cli.run("history", "--dir", a.toString(), "--dir", b.toString(), "--threads", "2");
        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals(
                List.of(
                        a + ": 2 versions: 2 built (2 contents mapped, 0 equal to an earlier version), 0 skipped",
                        b + ": 1 versions: 1 built (1 contents mapped, 0 equal to an earlier version), 0 skipped"),
                run.err().lines().toList());
        DatasetGraph ds = served(run.out());
        List<String> graphs = new java.util.ArrayList<>();
        ds.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        assertEquals(
                new java.util.TreeSet<>(List.of(
                        VLM.VERSION + "2023-09-12",
                        VLM.VERSION + "2024-01-15",
                        VLM.VERSION + B + "/2024-03-01-prompting",
                        Histories.NEWEST.getURI())),
                new java.util.TreeSet<>(graphs));
    }

    /** {@code --file} given once is every repository's, once per repository each one's; any other count: usage. */
    @Test
    void theFilesOfTheRepositories() {
        List<Path> two = List.of(Path.of("a"), Path.of("b"));
        assertEquals(List.of("R.md", "R.md"), HistoryCommand.files(two, List.of("R.md"), "--git", "--file"));
        assertEquals(List.of("x.md", "y.md"), HistoryCommand.files(two, List.of("x.md", "y.md"), "--git", "--file"));
        assertEquals(List.of("R.md"), HistoryCommand.files(List.of(Path.of("a")), List.of("R.md"), "--git", "--file"));
        for (List<String> bad : List.of(List.of("x.md", "y.md", "z.md"), List.<String>of())) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    RuntimeException.class, () -> HistoryCommand.files(two, bad, "--history-git", "--history-file"));
            assertTrue(
                    e.getMessage()
                            .contains("once per --history-git, in the same order: 2 --history-git, " + bad.size()
                                    + " --history-file"),
                    e.getMessage());
        }
    }
}
