package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * Every exit code of the table in {@code --help} (ExitCodes), reached through the program's entry path
 * ({@link Main#run}, what {@code main} runs): the code and the one line that says why.
 */
class ExitCodesTest {

    @Test
    void zeroForSuccess() {
        Run r = run("stats");
        assertEquals(Main.OK, r.exit(), r.err());
        assertTrue(r.out().contains("vlm:Paper"), r.out());
    }

    @Test
    void oneForASourceThatCannotBeRead(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("empty.md"), "   \n");
        // stats: through the handler, to stderr (check writes it where its other problems go, on stdout)
        Run r = run("stats", "--source", md.toString());
        assertEquals(Main.PROBLEMS, r.exit());
        assertEquals(
                md + ": error: file is empty: no survey tables or entries to read",
                r.err().strip());
    }

    @Test
    void oneForASourceWithErrors(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("bad.md"), "# no tables\n\nnothing here\n");
        Run r = run(
                "export",
                "--source",
                md.toString(),
                "-o",
                dir.resolve("out.ttl").toString());
        assertEquals(Main.PROBLEMS, r.exit());
        assertTrue(r.err().startsWith(md + ": error: no survey tables or entries found"), r.err());
    }

    @Test
    void twoForAnUnknownFormatListingTheCandidates() {
        Run r = run("export", "--format", "xml");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(
                r.err()
                        .contains(
                                "Invalid value for option '--format': expected one of [TTL, JSONLD, NT, RDFXML] (case-insensitive)"),
                r.err());
    }

    @Test
    void twoForAQueryThatDoesNotParse() {
        Run r = run("query", "-q", "SELECT ?x WHERE { ?x");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().startsWith("--query:1:"), r.err());
    }

    @Test
    void threeForAnOutputThatCannotBeWritten(@TempDir Path dir) throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        Run r = run("export", "-o", notADir.resolve("out.ttl").toString());
        assertEquals(Main.IO, r.exit());
        assertTrue(r.err().startsWith(notADir.resolve("out.ttl") + ": cannot write: "), r.err());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void threeForATextIndexThatCannotBeOpened(@TempDir Path dir) throws IOException {
        // the text index lives in DIR/text: a file there cannot be opened as the index's folder
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve(SurveyStore.TEXT_FOLDER), "not a folder");
        Run r = run("serve", "--port", "0", "--tdb2", db.toString());
        assertEquals(Main.IO, r.exit(), r.err());
        assertTrue(r.err().startsWith("serve: text index " + db.resolve(SurveyStore.TEXT_FOLDER)), r.err());
    }

    @Test
    void fourForAQueryThatFails() {
        Run r = run("query", "-q", "SELECT * { SERVICE <http://localhost:9/sparql> { ?s ?p ?o } }");
        assertEquals(Main.QUERY_FAILED, r.exit());
        assertTrue(r.err().startsWith("--query: error: "), r.err());
        assertTrue(r.err().contains("--allow-service"), r.err());
    }

    @Test
    void everyCommandsHelpShowsTheTable() {
        for (String command : List.of("export", "check", "query", "serve", "history", "diff", "link", "stats")) {
            Run r = run(command, "--help");
            assertEquals(Main.OK, r.exit(), command);
            assertTrue(r.out().contains("Exit codes:"), command + ": " + r.out());
            // each code with the start of its meaning (help wraps long lines)
            var table = Main.commandLine().getCommandSpec().usageMessage().exitCodeList();
            assertEquals(5, table.size(), "codes 0 to 4");
            for (var e : table.entrySet())
                assertTrue(
                        r.out()
                                .contains("  " + e.getKey() + "   "
                                        + e.getValue()
                                                .substring(
                                                        0,
                                                        Math.min(
                                                                20, e.getValue().length()))),
                        command + ": " + r.out());
        }
    }

    /** A file output is replaced only once complete: a failed export leaves the old file, and no temporary file. */
    @Test
    void aFailedExportLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Path out = Files.writeString(dir.resolve("out.ttl"), "the old export\n");
        Path md = Files.writeString(dir.resolve("bad.md"), "# no tables\n");
        assertEquals(
                Main.PROBLEMS,
                run("export", "--source", md.toString(), "-o", out.toString()).exit());
        assertEquals("the old export\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("bad.md", "out.ttl"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
