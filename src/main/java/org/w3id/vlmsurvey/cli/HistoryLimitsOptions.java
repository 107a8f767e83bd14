package org.w3id.vlmsurvey.cli;

import org.w3id.vlmsurvey.history.HistoryLimits;
import picocli.CommandLine.Option;

/** The limits of a history built from git ({@code history --git}, {@code serve --history-git}), defaults shown. */
final class HistoryLimitsOptions {
    @Option(
            names = HistoryLimits.FILE_OPTION,
            paramLabel = "BYTES",
            defaultValue = "" + HistoryLimits.DEFAULT_MAX_FILE_BYTES,
            description = "largest version of the file read from git; a larger one refuses the history "
                    + "(default: ${DEFAULT-VALUE})")
    long maxFileBytes;

    @Option(
            names = HistoryLimits.VERSIONS_OPTION,
            paramLabel = "N",
            defaultValue = "" + HistoryLimits.DEFAULT_MAX_VERSIONS,
            description = "most versions of the file in a history (default: ${DEFAULT-VALUE})")
    int maxVersions;

    @Option(
            names = HistoryLimits.TOTAL_OPTION,
            paramLabel = "BYTES",
            defaultValue = "" + HistoryLimits.DEFAULT_MAX_TOTAL_BYTES,
            description = "most bytes of all distinct versions together; the free heap is checked too, before "
                    + "anything is built (default: ${DEFAULT-VALUE})")
    long maxTotalBytes;

    HistoryLimits limits() {
        return new HistoryLimits(maxFileBytes, maxVersions, maxTotalBytes);
    }
}
