package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * "Cite this survey": the survey's own BibTeX, read from the Citation block of the README a server serves
 * ({@link SurveyGraph#citation}), never written here. Read again when the file changes (a server that watches its
 * source); null when the README has no such block, and the page then says so. The footer of every page shows it
 * ({@code cite-survey.peb}).
 * <p>
 * One per server, not one per JVM: the server's requests run {@linkplain #around within} it ({@link #filter}, and
 * its 404 handler), and {@link Templates} reads {@link #current} for the footer; two servers in one JVM (tests,
 * embedding) each show their own README's citation.
 */
public final class SurveyCitation {
    private static final ThreadLocal<SurveyCitation> CURRENT = new ThreadLocal<>();
    private static final SurveyCitation BUNDLED = new SurveyCitation(null);

    private final Path source;
    private volatile FileTime read;
    private volatile String bibtex;

    /** The citation of the README at {@code path} (null: the copy bundled in the jar). */
    public SurveyCitation(Path path) {
        this.source = path;
        this.bibtex = path == null ? fromBundled() : fromFile(path);
    }

    /** The survey's BibTeX, or null when the README has no Citation block. */
    public String bibtex() {
        Path p = source;
        if (p != null) {
            try {
                FileTime t = Files.getLastModifiedTime(p);
                if (!t.equals(read))
                    synchronized (this) {
                        bibtex = fromFile(p);
                        read = t;
                    }
            } catch (IOException e) {
                return bibtex; // the last one read
            }
        }
        return bibtex;
    }

    /** The citation of the server answering on this thread; the bundled survey's outside a request. */
    public static String current() {
        SurveyCitation c = CURRENT.get();
        return (c == null ? BUNDLED : c).bibtex();
    }

    /** {@code work} run with this citation {@linkplain #current current} on this thread. */
    public <T> T around(Supplier<T> work) {
        SurveyCitation previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    /** A servlet filter running every request within this citation. */
    public Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                SurveyCitation previous = CURRENT.get();
                CURRENT.set(SurveyCitation.this);
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (previous == null) CURRENT.remove();
                    else CURRENT.set(previous);
                }
            }
        };
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
