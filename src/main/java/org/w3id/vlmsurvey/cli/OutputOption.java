package org.w3id.vlmsurvey.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * {@code -o FILE} of every command that writes: a file is written whole or not at all (into a temporary file beside
 * it, moved into place once complete: a failure leaves the old file, or none); without it, standard output.
 */
final class OutputOption {
    /** Standard output as the program writes it: UTF-8 whatever the locale (an export's bytes do not depend on it). */
    static final PrintWriter STDOUT =
            new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "output file, replaced only once complete (default: standard output)")
    Path file;

    /** What writes the output. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code body} to the file, else to {@code out} (the command's standard output). */
    void write(PrintWriter out, Body body) {
        if (file != null) atomically(file, body);
        else stdout(out, body);
    }

    /** Writes {@code body} to {@code target}: a temporary file beside it, moved into place once complete. */
    static void atomically(Path target, Body body) {
        Path absolute = target.toAbsolutePath(), part = null;
        try {
            Files.createDirectories(absolute.getParent());
            // beside the target, with the permissions of a new file (a temporary file's would be the owner's only)
            part = absolute.resolveSibling(
                    absolute.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(part))) { // replaces a stale one
                body.writeTo(os);
            }
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | org.apache.jena.atlas.RuntimeIOException e) {
            throw Failure.io(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // the failure above is the one to report
                }
            }
        }
    }

    /** The program's own standard output ({@link #STDOUT}) gets the bytes as written; another (a test's), as text. */
    private static void stdout(PrintWriter out, Body body) {
        out.flush();
        try {
            ByteArrayOutputStream bytes = out == STDOUT ? null : new ByteArrayOutputStream();
            body.writeTo(bytes == null ? System.out : bytes);
            if (bytes != null) out.print(bytes.toString(StandardCharsets.UTF_8));
            out.flush();
            System.out.flush();
        } catch (IOException | org.apache.jena.atlas.RuntimeIOException e) {
            throw Failure.io("stdout: cannot write: " + e.getMessage(), e);
        }
    }
}
