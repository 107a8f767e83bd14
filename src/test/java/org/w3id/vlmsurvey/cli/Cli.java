package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command of the program in this JVM, as the shell would, and keeps its exit code, output and errors. */
public final class Cli {
    private Cli() {}

    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
