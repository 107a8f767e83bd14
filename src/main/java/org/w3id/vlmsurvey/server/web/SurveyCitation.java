package org.w3id.vlmsurvey.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * "Cite this survey": the survey's own BibTeX, read from the Citation block of the README served
 * ({@link SurveyGraph#citation}), never written here. Read again when the file changes (a server that watches its
 * source); null when the README has no such block, and the page then says so. The footer of every page shows it
 * ({@code cite-survey.peb}).
 */
public final class SurveyCitation {
    private static volatile Path source;
    private static volatile FileTime read;
    private static volatile String bibtex = fromBundled();

    private SurveyCitation() {}

    /** Reads the citation from the README at {@code path} (null: the copy bundled in the jar) from now on. */
    public static synchronized void source(Path path) {
        source = path;
        read = null;
        bibtex = path == null ? fromBundled() : fromFile(path);
    }

    /** The survey's BibTeX, or null when the README served has no Citation block. */
    public static String bibtex() {
        Path p = source;
        if (p != null) {
            try {
                FileTime t = Files.getLastModifiedTime(p);
                if (!t.equals(read))
                    synchronized (SurveyCitation.class) {
                        bibtex = fromFile(p);
                        read = t;
                    }
            } catch (IOException e) {
                return bibtex; // the last one read
            }
        }
        return bibtex;
    }

    private static String fromBundled() {
        return SurveyGraph.citation(Bundled.text(Bundled.SURVEY)).orElse(null);
    }

    private static String fromFile(Path p) {
        try {
            return SurveyGraph.citation(Files.readString(p, StandardCharsets.UTF_8))
                    .orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
