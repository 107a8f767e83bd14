package org.w3id.vlmsurvey.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.w3id.vlmsurvey.bundle.BuildVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vlm-survey-kg}: one root command, a subcommand per job. Errors become exit codes in one place,
 * {@link ExitCodes} (the table every {@code --help} shows).
 */
@Command(
        name = "vlm-survey-kg",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The survey \"Vision-Language Models for Vision Tasks\" as a knowledge graph.",
        subcommands = {
            ServeCommand.class,
            ExportCommand.class,
            CheckCommand.class,
            StatsCommand.class,
            QueryCommand.class,
            LinkCommand.class,
            PasswdCommand.class,
            HistoryCommand.class,
            DiffCommand.class,
            RenderCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the source has errors (or warnings, with check --strict)",
            "2:usage error, or a query that does not parse (FILE:LINE:COLUMN: error: message)",
            "3:input or output failure (a file, the text index, a port, an endpoint that never answered)",
            "4:a query failed: timeout, SERVICE not allowed, or the endpoint answered with an error"
        })
public final class Main implements Runnable {
    public static final int OK = 0, PROBLEMS = 1, USAGE = 2, IO = 3, QUERY_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return ExitCodes.install(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    /** Runs the command {@code args} as {@link #main} does, writing to {@code out} and {@code err}; gives its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine().setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        Integer relaunched = Launcher.relaunch(args, Main.class.getName());
        if (relaunched != null) System.exit(relaunched);
        System.exit(run(
                OutputOption.STDOUT,
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)),
                args));
    }

    /** {@code -V}: this build's version and Jena's, from the manifest (see {@link BuildVersion}). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildVersion.current().toString()};
        }
    }
}
