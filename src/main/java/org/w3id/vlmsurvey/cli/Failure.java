package org.w3id.vlmsurvey.cli;

/**
 * What a command throws to stop with an error of its own kind: {@link #usage} (exit 2), {@link #io} (3) or
 * {@link #query} (4, a query that parsed but could not be answered). {@link ExitCodes} prints the message as it is.
 */
final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    private Failure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static Failure usage(String message) {
        return new Failure(Main.USAGE, message, null);
    }

    static Failure io(String message, Throwable cause) {
        return new Failure(Main.IO, message, cause);
    }

    static Failure query(String message, Throwable cause) {
        return new Failure(Main.QUERY_FAILED, message, cause);
    }
}
