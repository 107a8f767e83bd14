package org.w3id.vlmsurvey.diagnostics;

import java.util.Comparator;

/** One problem in a source file, printed as {@code FILE:LINE: severity: message} (LINE 0 means the whole file). */
public record Problem(String file, int line, Severity severity, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, Severity.ERROR, message);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return line > 0
                ? file + ":" + line + ": " + severity.label() + ": " + message
                : file + ": " + severity.label() + ": " + message;
    }
}
