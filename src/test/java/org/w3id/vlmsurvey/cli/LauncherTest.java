package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's JVM options are written once (bin/jvm.options), for the relaunch and for the launcher script. */
class LauncherTest {
    @Test
    void theRelaunchUsesTheOptionsFileTheScriptPasses() throws Exception {
        List<String> options = Launcher.options();
        assertEquals(
                List.of(
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-XX:ReservedCodeCacheSize=64m",
                        "-XX:MaxMetaspaceSize=256m",
                        "-XX:+ExitOnOutOfMemoryError"),
                options);
        assertTrue(Launcher.heapGiven(options), "the script's options bound the heap: serve runs in its one JVM");
        assertFalse(Launcher.heapGiven(List.of("-XX:+UseSerialGC")));
        Path script = Path.of("bin/vlm-survey-kg");
        assertTrue(Files.isExecutable(script), "the launcher is committed executable");
        assertTrue(Files.readString(script).startsWith("#!/bin/sh\n"), "POSIX sh");
        assertTrue(Files.readString(script).contains("\"$here/jvm.options\""), "it reads the options file beside it");
    }
}
