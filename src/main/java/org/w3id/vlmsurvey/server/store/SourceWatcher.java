package org.w3id.vlmsurvey.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --watch}: polls the source file and reloads it when it changed and then stayed unchanged for one more
 * poll (a debounce, so that an editor's save in several writes gives one reload). Polling rather than a
 * WatchService: it also sees files replaced by rename, on every file system.
 */
public final class SourceWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceWatcher.class);

    private record Stamp(long modified, long size) {}

    private final Path file;
    private final SurveyLoader loader;
    private final ScheduledExecutorService timer;
    private final AtomicLong reloads = new AtomicLong();
    private volatile SurveyLoader.Outcome last;
    private Stamp loaded, seen;

    public SourceWatcher(Path file, SurveyLoader loader, Duration interval) {
        this.file = file;
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

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    private void poll() {
        try {
            Stamp now = stamp();
            boolean stable = Objects.equals(now, seen);
            seen = now;
            if (now == null || !stable || now.equals(loaded)) return;
            loaded = now;
            last = loader.loadAndLog();
            if (last.loaded() && last.rebuilt()) LOG.info("{} changed: reloaded", file);
            reloads.incrementAndGet();
        } catch (Throwable e) {
            // Any Throwable (a StackOverflowError, an OutOfMemoryError of one huge edit): a scheduled task that
            // throws is never run again, so the watcher would die silently and later good edits be ignored.
            LOG.warn("{}: reload failed, still serving the previous graph: {}", file, e.toString());
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
