package org.w3id.vlmsurvey.history;

import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/**
 * How much history is built at most, checked before anything is built, so that a history too large ends with a
 * clear message naming its limit instead of a JGit stack trace or the JVM out of memory.
 *
 * @param maxFileBytes  bytes of one version of the file (the survey's README is 20 kB)
 * @param maxVersions   versions of the file
 * @param maxTotalBytes bytes of all the distinct versions together (equal versions are mapped once)
 */
public record HistoryLimits(long maxFileBytes, int maxVersions, long maxTotalBytes) {
    public static final long DEFAULT_MAX_FILE_BYTES = 2_000_000;
    public static final int DEFAULT_MAX_VERSIONS = 300;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 8_000_000;

    /**
     * Heap a history needs per byte of distinct content: its graphs keep about 24 bytes per byte of Markdown
     * (measured on the bundled survey: 471 kB of graph for 19.8 kB), doubled for the work of building them.
     */
    public static final int HEAP_PER_BYTE = 48;

    /** The options that set each limit, for the messages (the same on {@code history} and {@code serve}). */
    public static final String FILE_OPTION = "--history-max-file-size",
            VERSIONS_OPTION = "--history-max-versions",
            TOTAL_OPTION = "--history-max-total-size";

    public HistoryLimits {
        if (maxFileBytes < 1) throw new IllegalArgumentException(FILE_OPTION + " must be at least 1 byte");
        if (maxVersions < 1) throw new IllegalArgumentException(VERSIONS_OPTION + " must be at least 1");
        if (maxTotalBytes < 1) throw new IllegalArgumentException(TOTAL_OPTION + " must be at least 1 byte");
    }

    public static HistoryLimits defaults() {
        return new HistoryLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_VERSIONS, DEFAULT_MAX_TOTAL_BYTES);
    }

    void checkFile(String name, long bytes) {
        if (bytes > maxFileBytes)
            throw refused(name, "is " + bytes + " bytes, more than " + maxFileBytes + " (" + FILE_OPTION + ")");
    }

    void checkVersions(String name, int versions) {
        if (versions > maxVersions)
            throw refused(
                    name, "has " + versions + " versions, more than " + maxVersions + " (" + VERSIONS_OPTION + ")");
    }

    /** The distinct contents together: their total, then the heap free to build them. */
    void checkTotal(String name, long distinctBytes) {
        if (distinctBytes > maxTotalBytes)
            throw refused(
                    name,
                    "has " + distinctBytes + " bytes of distinct versions, more than " + maxTotalBytes + " ("
                            + TOTAL_OPTION + ")");
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = distinctBytes * HEAP_PER_BYTE;
        if (needed > free)
            throw refused(
                    name,
                    "needs about " + needed / 1_000_000 + " MB of heap to build (" + distinctBytes
                            + " bytes of distinct versions), " + free / 1_000_000
                            + " MB are free: give the JVM more (-Xmx) or build fewer versions");
    }

    /**
     * Heap needed per byte of a history's TriG while it is read (streamed, each distinct triple kept once): measured
     * (issue 16), the real survey's history of 80 versions reads in a 24 MB heap (the JVM's whole heap, 20 MB is too
     * little) both as change sets (9.4 MB of TriG, 97,813 quads) and in the full form written before (40.3 MB, 514,834
     * quads), and holds about 5 MB once read. Three bytes per byte of TriG leaves room; the full form is over-estimated
     * fourfold. (Reading the full form into a dataset and copying it, as before, needed about 38 per byte: 1.5 GB.)
     */
    static final long HEAP_PER_TRIG_BYTE = 3;

    /** The heap free for a history read from TriG: the maximum heap less what is in use. */
    static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Fails fast, before any parsing, when a history's TriG of {@code bytes} cannot be held in {@code free} bytes of
     * heap: {@link SourceException} naming the file, what it needs and what is free (instead of minutes of garbage
     * collection and no log line).
     */
    static void checkTrig(String name, long bytes, long free) {
        long needed = bytes * HEAP_PER_TRIG_BYTE;
        if (needed > free)
            throw refused(
                    name,
                    "needs about " + needed / 1_000_000 + " MB of heap to load (" + bytes + " bytes of TriG), "
                            + free / 1_000_000 + " MB are free: give the JVM more (-Xmx), or serve --history-git DIR");
    }

    private static SourceException refused(String name, String why) {
        return new SourceException(Problem.error(name, 0, "history refused: " + why));
    }
}
