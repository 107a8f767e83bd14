package org.w3id.vlmsurvey.diagnostics;

/** A source that cannot be read at all (missing, empty, binary, no tables): one clear problem. */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public SourceException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
