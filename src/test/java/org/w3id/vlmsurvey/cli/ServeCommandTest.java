package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void badTimeoutIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(Main.USAGE, run(err, "serve", "--timeout", "soon"));
        assertTrue(
                err.toString().contains("Invalid value for option '--timeout': 'soon' is not a duration"),
                err.toString());
    }

    @Test
    void sourceWithErrorsDoesNotStart(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("empty.md");
        Files.writeString(md, "# no tables\n");
        StringWriter err = new StringWriter();
        assertEquals(Main.PROBLEMS, run(err, "serve", "--port", "0", "--source", md.toString()));
        assertTrue(err.toString().contains(md + ": error: no survey tables"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(
                Main.PROBLEMS,
                run(
                        err2,
                        "serve",
                        "--port",
                        "0",
                        "--source",
                        dir.resolve("missing.md").toString()));
        assertTrue(err2.toString().contains("missing.md: error: no such file"), err2.toString());
    }
}
