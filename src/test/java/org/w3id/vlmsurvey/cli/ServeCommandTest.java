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

    /** Each default is written once (ServerOptions, HistoryLimits) and shown by serve --help from there. */
    @Test
    void helpShowsTheDefaultsOfServerOptions() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("serve", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        org.w3id.vlmsurvey.server.ServerOptions d =
                org.w3id.vlmsurvey.server.ServerOptions.defaults(org.w3id.vlmsurvey.graph.SurveyGraph.Source.bundled());
        for (String shown : java.util.List.of(
                "(default: " + d.port() + ")",
                "(default: " + d.host() + ",",
                "(default: " + DurationConverter.format(d.timeout()) + ")",
                "(default: " + DurationConverter.format(d.bodyTimeout()) + ")",
                "(default: " + DurationConverter.format(d.bodyIdleTimeout()) + ")",
                "(default: " + d.maxConnectionsPerAddress() + ")",
                "(default: " + d.limits().maxQuerySize() + ")",
                "(default: " + d.limits().maxQueries() + ")",
                "(default: " + d.limits().queueLength() + ")",
                "(default: " + d.limits().resultBuffer() + ")",
                "(default: " + d.limits().maxResultTriples() + ")",
                "(default: " + org.w3id.vlmsurvey.history.HistoryLimits.DEFAULT_MAX_VERSIONS + ")"))
            assertTrue(help.contains(shown), shown + " in: " + help);
        org.w3id.vlmsurvey.server.ServerOptions changed =
                d.toBuilder().port(0).maxQueries(2).build();
        assertEquals(0, changed.port());
        assertEquals(2, changed.limits().maxQueries());
        assertEquals(d.timeout(), changed.timeout());
        assertEquals(3030, d.port(), "the builder left the defaults as they were");
    }

    @Test
    void badBaseUrlIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(Main.USAGE, run(err, "serve", "--port", "0", "--base-url", "kg.example.org"));
        assertTrue(err.toString().contains("--base-url kg.example.org: expected the public address"), err.toString());
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
