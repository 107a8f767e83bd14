package org.w3id.vlmsurvey.diagnostics;

import java.util.Comparator;

/**
 * One problem in a source file, printed as {@code FILE:LINE: severity: message} (LINE 0 means the whole file).
 * {@code rule} is the stable id of what found it: a check's file name without {@code .rq} ({@code venues},
 * {@code arxiv-year}, ...), {@link #SHAPES} for a SHACL violation, {@link #SOURCE} for a source that cannot be read;
 * the SARIF and JSON reports carry it, the text format does not print it.
 */
public record Problem(String file, int line, Severity severity, String message, String rule)
        implements Comparable<Problem> {

    /** The rule id of a problem found while reading the source (missing, empty, too deeply nested, ...). */
    public static final String SOURCE = "source";
    /** The rule id of a violation of the SHACL shapes ({@code ontology/vlm-survey-shapes.ttl}). */
    public static final String SHAPES = "shapes";

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message)
            .thenComparing(Problem::rule);

    public Problem {
        if (rule == null || rule.isBlank()) rule = SOURCE;
    }

    /** A problem of the {@link #SOURCE} rule. */
    public Problem(String file, int line, Severity severity, String message) {
        this(file, line, severity, message, SOURCE);
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, Severity.ERROR, message);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(file, line, Severity.WARNING, message);
    }

    /** The same problem, named by another file name (a version of the file, say). */
    public Problem inFile(String name) {
        return new Problem(name, line, severity, message, rule);
    }

    /** The same problem, found by the given rule. */
    public Problem byRule(String id) {
        return new Problem(file, line, severity, message, id);
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
