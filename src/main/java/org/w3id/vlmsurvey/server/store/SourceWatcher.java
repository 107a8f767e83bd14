package org.w3id.vlmsurvey.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --watch}: polls the source's files (the survey, and the {@code links.ttl} and {@code metadata.ttl} beside it:
 * {@link org.w3id.vlmsurvey.graph.SurveyGraph.Source#watched}) and reloads when one of them changed, was created or
 * was deleted, and then all stayed unchanged for one more poll (a debounce, so that an editor's save in several
 * writes gives one reload). Polling rather than a WatchService: it also sees files replaced by rename, on every file
 * system. A survey file that is missing (being replaced) is waited for.
 */
public final class SourceWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceWatcher.class);

    private record Stamp(long modified, long size) {}

    private final List<Path> files;
    private final SurveyLoader loader;
    private final ScheduledExecutorService timer;
    private final AtomicLong reloads = new AtomicLong();
    private volatile SurveyLoader.Outcome last;
    /** The stamps of the files, in order; an entry is null for a file that does not exist. */
    private List<Stamp> loaded, seen;

    /** Watches {@code files} (the survey file first), reloading with {@code loader}, polling every {@code interval}. */
    public SourceWatcher(List<Path> files, SurveyLoader loader, Duration interval) {
        if (files.isEmpty()) throw new IllegalArgumentException("--watch needs a source file");
        this.files = List.copyOf(files);
        this.loader = loader;
        this.loaded = this.seen = stamp();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vlm-survey-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    private List<Stamp> stamp() {
        return files.stream().map(SourceWatcher::stamp).collect(java.util.stream.Collectors.toList());
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    private void poll() {
        try {
            List<Stamp> now = stamp();
            boolean stable = Objects.equals(now, seen);
            seen = now;
            if (now.get(0) == null || !stable || now.equals(loaded)) return;
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < files.size(); i++)
                if (!Objects.equals(now.get(i), loaded.get(i)))
                    changed.add(files.get(i) + (now.get(i) == null ? " (deleted)" : ""));
            loaded = now;
            last = loader.loadAndLog();
            if (last.loaded() && last.rebuilt()) LOG.info("{} changed: reloaded", String.join(", ", changed));
            reloads.incrementAndGet();
        } catch (Throwable e) {
            // Any Throwable (a StackOverflowError, an OutOfMemoryError of one huge edit): a scheduled task that
            // throws is never run again, so the watcher would die silently and later good edits be ignored.
            LOG.warn("{}: reload failed, still serving the previous graph: {}", files.get(0), e.toString());
            reloads.incrementAndGet();
        }
    }

    /** How many reload attempts were made (successful or not). */
    public long attempts() {
        return reloads.get();
    }

    /** The outcome of the last reload attempt, or null. */
    public SurveyLoader.Outcome lastOutcome() {
        return last;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
