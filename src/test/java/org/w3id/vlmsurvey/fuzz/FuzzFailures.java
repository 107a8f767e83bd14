package org.w3id.vlmsurvey.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Failing fuzz inputs, kept in {@code target/fuzz-failures/} to replay by hand. */
final class FuzzFailures {
    private FuzzFailures() {}

    /** Writes the input and returns where it is (or why it could not be kept: the failure itself matters more). */
    static String keep(String fileName, byte[] input) {
        try {
            Path out = Files.createDirectories(Path.of("target/fuzz-failures"));
            Path f = out.resolve(fileName);
            Files.write(f, input);
            return f.toString();
        } catch (IOException e) {
            return "(not kept: " + e + ")";
        }
    }
}
