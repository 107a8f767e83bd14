package org.w3id.vlmsurvey.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.query.SurveyQuery;
import org.w3id.vlmsurvey.server.SurveyServer;
import picocli.CommandLine;

/**
 * The one place that turns what a command throws into a message and an exit code (the table of {@link Main}, shown by
 * every command's {@code --help}): a {@link Failure} by its kind, a source error ({@link SourceException}, a server that
 * could not load its source) 1, a usage error (picocli's, a query that does not parse, a value a constructor
 * refuses) 2, a Jena query failure 4, anything caused by an I/O failure 3. Anything else is a bug: picocli prints
 * its stack trace.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {
    /** Installs the handler on a command line, and the root's table of exit codes ({@link Main}) on each subcommand. */
    static CommandLine install(CommandLine cl) {
        ExitCodes codes = new ExitCodes();
        var usage = cl.getCommandSpec().usageMessage();
        for (CommandLine sub : cl.getSubcommands().values())
            sub.getCommandSpec()
                    .usageMessage()
                    .exitCodeListHeading(usage.exitCodeListHeading())
                    .exitCodeList(usage.exitCodeList());
        return cl.setExecutionExceptionHandler(codes).setExitCodeExceptionMapper(codes);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        int code = getExitCode(ex);
        if (code < 0) throw ex;
        PrintWriter err = cl.getErr();
        if (ex instanceof SurveyServer.LoadException e) for (Problem p : e.problems()) err.println(p);
        else if (ex instanceof SourceException e) err.println(e.problem());
        else if (ex instanceof SurveyQuery.SyntaxError) err.println(ex);
        else if (ex instanceof Failure) err.println(ex.getMessage());
        else err.println(cl.getCommandName() + ": " + ex.getMessage());
        err.flush();
        return code;
    }

    /** The exit code of an exception, or -1 for one that no code describes (a bug). */
    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof Failure f) return f.exitCode;
        if (t instanceof SourceException || t instanceof SurveyServer.LoadException) return Main.PROBLEMS;
        if (t instanceof CommandLine.ParameterException
                || t instanceof SurveyQuery.SyntaxError
                || t instanceof IllegalArgumentException) return Main.USAGE;
        if (t instanceof QueryCancelledException || t instanceof QueryException || t instanceof HttpException)
            return Main.QUERY_FAILED;
        for (Throwable c = t; c != null; c = c.getCause())
            if (c instanceof IOException || c instanceof UncheckedIOException || c instanceof RuntimeIOException)
                return Main.IO;
        return -1;
    }
}
