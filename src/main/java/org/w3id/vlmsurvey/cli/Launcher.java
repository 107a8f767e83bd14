package org.w3id.vlmsurvey.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bounded memory by default: {@code java -jar vlm-survey-kg.jar serve} without a heap option would let the JVM take
 * a quarter of the machine's memory. When no heap size was given ({@code -Xmx}, {@code -XX:MaxHeapSize},
 * {@code -XX:MaxRAM}, {@code -XX:MaxRAMPercentage}, also through {@code JAVA_TOOL_OPTIONS}), {@code serve} runs
 * itself again in a child JVM with the options of {@code bin/jvm.options} (bundled; the same file the launcher
 * script {@code bin/vlm-survey-kg} passes to its one JVM): a 512 MB heap, the serial collector, ceilings for the
 * code cache and metaspace, and {@code -XX:+ExitOnOutOfMemoryError} (a server out of memory stops, for its
 * supervisor to restart, rather than limping on), and passes its exit code on. Opt out with the environment
 * variable {@value #OPT_OUT}{@code =1}, or give the JVM a heap size yourself (as the launcher script does).
 */
final class Launcher {
    /** The server's JVM options, one a line ({@code #} comments): bundled, and beside the launcher script. */
    static final String OPTIONS = "bin/jvm.options";

    static final String OPT_OUT = "VLM_SURVEY_NO_RELAUNCH";
    static final String CHILD = "vlm.survey.child";

    private Launcher() {}

    /** Whether the JVM arguments already bound the heap. */
    static boolean heapGiven(List<String> jvmArgs) {
        for (String a : jvmArgs)
            if (a.startsWith("-Xmx")
                    || a.startsWith("-XX:MaxHeapSize")
                    || a.startsWith("-XX:MaxRAM")
                    || a.startsWith("-XX:MaxRAMPercentage")) return true;
        return false;
    }

    /**
     * Runs {@code args} in a child JVM (main class {@code mainClass}) with a bounded heap and returns its exit code,
     * or null to run here.
     */
    static Integer relaunch(String[] args, String mainClass) {
        if (args.length == 0 || !args[0].equals("serve")) return null;
        if (System.getProperty(CHILD) != null) {
            watchParent();
            return null;
        }
        String optOut = System.getenv(OPT_OUT);
        if (optOut != null && !optOut.isEmpty() && !optOut.equals("0")) return null;
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (heapGiven(jvm)) return null;
        String tool = System.getenv("JAVA_TOOL_OPTIONS");
        if (tool != null && heapGiven(List.of(tool.split("\\s+")))) return null;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options());
        cmd.add("-D" + CHILD + "=true");
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            System.err.println("serve: cannot start the server JVM (" + e.getMessage() + "); set " + OPT_OUT
                    + "=1 to run without it");
            return Main.IO;
        }
        Thread stop = new Thread(
                () -> {
                    child.destroy();
                    try {
                        if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly();
                    } catch (InterruptedException e) {
                        child.destroyForcibly();
                    }
                },
                "vlm-survey-stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
                return code;
            } catch (InterruptedException e) {
                // keep waiting for the child
            }
        }
    }

    /** The JVM options of {@value #OPTIONS}: its lines, without blank lines and {@code #} comments. */
    static List<String> options() {
        return org.w3id.vlmsurvey.bundle.Bundled.text(OPTIONS)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** The child stops when its launcher is gone (killed with SIGKILL, its shutdown hook never ran). */
    private static void watchParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
}
