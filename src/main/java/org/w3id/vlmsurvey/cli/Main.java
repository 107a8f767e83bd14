package org.w3id.vlmsurvey.cli;

import org.w3id.vlmsurvey.bundle.BuildVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vlm-survey-kg}: one root command, a subcommand per job. */
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
            "1:the source has errors (or warnings with --strict)",
            "2:usage error",
            "3:input or output failure",
            "4:a query failed (query)"
        })
public final class Main implements Runnable {
    public static final int OK = 0, PROBLEMS = 1, USAGE = 2, IO = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        Integer relaunched = Launcher.relaunch(args);
        if (relaunched != null) System.exit(relaunched);
        System.exit(commandLine().execute(args));
    }

    /** {@code -V}: this build's version and Jena's, from the manifest (see {@link BuildVersion}). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildVersion.current().toString()};
        }
    }
}
