package org.w3id.vlmsurvey.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs a command of the program in this JVM through {@link Main#run}, the path {@link Main#main} takes (without the
 * server's relaunch into a child JVM and without {@code System.exit}), and keeps its exit code, output and errors.
 */
public final class Cli {
    private Cli() {}

    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
