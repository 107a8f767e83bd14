package org.w3id.vlmsurvey.server.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.Snapshot;

/**
 * {@code serve --history-git ... --refresh DURATION}: follows the survey's repository while the server runs. Every
 * interval (on one daemon thread, so never two refreshes at once) the repository is fetched (a clone of a URL; a
 * folder is read as it is), and when HEAD moved, the history is built again (through the history cache, keyed by
 * HEAD) and served in place of the previous one ({@link SurveyStore#replaceHistory}: data, versions and text index
 * at once). A fetch that fails, a history that cannot be built, or a newest version of the file that does not map
 * is logged (one WARN line naming the repository, the commit and the cause) and the last good state keeps being
 * served; the outcome of the last refresh is {@link #status()}. Nothing a request sends can start a refresh.
 */
public final class HistoryRefresh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRefresh.class);

    private final String name;
    private final HistoryRepository repository;
    private final Path repo;
    private final String file;
    private final Function<Path, DatasetGraph> build;
    private final SurveyStore store;
    private volatile ScheduledExecutorService timer;
    private volatile boolean closed;
    private String servedHead;
    private Problem newestProblem;
    private volatile RefreshStatus status;
    private final java.util.concurrent.atomic.AtomicLong refreshes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Follows {@code repository} (fetched when it is a clone), whose {@code file}'s history is built by {@code build}
     * ({@code serve}'s cached build) and served by {@code store}, which serves the history of the repository's HEAD
     * at start-up now.
     */
    public HistoryRefresh(
            HistoryRepository repository, String file, Function<Path, DatasetGraph> build, SurveyStore store) {
        this.repository = repository;
        this.name = repository.name();
        this.repo = repository.dir();
        this.file = file;
        this.build = build;
        this.store = store;
        this.servedHead = repository.head();
    }

    /** Refreshes every {@code interval} from now on (the first after one interval); zero: never. */
    public synchronized HistoryRefresh every(Duration interval) {
        if (interval.isNegative()) throw new IllegalArgumentException("a negative refresh interval: " + interval);
        if (interval.isZero() || timer != null) return this;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vlm-survey-refresh");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::scheduled, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    private void scheduled() {
        try {
            refreshNow();
        } catch (Throwable e) {
            // a scheduled task that throws is never run again: log and keep following
            if (!closed) LOG.warn("{}: refresh failed, still serving {}: {}", name, served(), e.toString());
        }
    }

    /**
     * One refresh, on the calling thread (after one running on the timer, if any): fetch, then build and serve the
     * new history if HEAD moved. Returns its outcome, also {@link #status()}.
     */
    public synchronized RefreshStatus refreshNow() {
        refreshes.incrementAndGet();
        RefreshStatus s;
        try {
            s = refresh();
        } catch (SourceException e) {
            s = failed(e.problem().toString());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            s = failed(e.toString());
        }
        status = s;
        return s;
    }

    private RefreshStatus refresh() {
        repository.fetch();
        String head;
        try (GitSnapshots git = GitSnapshots.open(repo, file)) {
            head = git.head();
        }
        if (Objects.equals(head, servedHead))
            return newestProblem == null
                    ? new RefreshStatus(Instant.now(), true, "no new commit; serving " + served())
                    : new RefreshStatus(Instant.now(), false, "the newest version does not map: " + newestProblem);
        DatasetGraph h = build.apply(repo);
        SurveyVersions next = SurveyVersions.of(h);
        if (next == null) return failed(head, "no version of " + file + " at " + shortId(head) + " could be built");
        SurveyVersions now = store.served().versions();
        boolean changed = now == null || !ids(now).equals(ids(next));
        if (changed) store.replaceHistory(h);
        servedHead = head;
        newestProblem = newestProblem(head, next);
        if (newestProblem != null) {
            LOG.warn(
                    "{}: the newest version of {} ({}) does not map, {}serving {}: {}",
                    name,
                    file,
                    shortId(head),
                    changed ? "" : "still ",
                    served(),
                    newestProblem);
            return new RefreshStatus(Instant.now(), false, "the newest version does not map: " + newestProblem);
        }
        if (changed)
            LOG.info(
                    "{}: refreshed at {}, serving {} ({} versions)",
                    name,
                    shortId(head),
                    served(),
                    next.all().size());
        return new RefreshStatus(
                Instant.now(), true, (changed ? "refreshed; serving " : "no new version; serving ") + served());
    }

    private RefreshStatus failed(String message) {
        if (closed) {
            // interrupted by the server's stop: not a failure of the repository
            LOG.debug("{}: refresh stopped: {}", name, message);
            return new RefreshStatus(Instant.now(), false, "stopped");
        }
        LOG.warn("{}: refresh failed, still serving {}: {}", name, served(), message);
        return new RefreshStatus(Instant.now(), false, message);
    }

    private RefreshStatus failed(String head, String message) {
        return failed(name + "@" + shortId(head) + ": " + message);
    }

    /**
     * Why the file at {@code head} is not the newest version of {@code versions} (it does not map alone, or the file
     * is gone), or null when it is (the same content).
     */
    private Problem newestProblem(String head, SurveyVersions versions) {
        try (GitSnapshots git = GitSnapshots.open(repo, file)) {
            Snapshot now = git.at(head);
            String latest = versions.latest().commit();
            if (latest != null && git.at(latest).blob().equals(now.blob())) return null;
            History alone = History.build(List.of(now), 1);
            if (!alone.skipped().isEmpty() && !alone.skipped().get(0).problems().isEmpty())
                return alone.skipped().get(0).problems().get(0);
            return Problem.error(now.name(), 0, "not a version of the history built (over its limits?)");
        } catch (SourceException e) {
            // named as the version would be, not by the clone's folder
            return e.problem().inFile(file + "@" + shortId(head));
        }
    }

    private static List<String> ids(SurveyVersions vs) {
        return vs.all().stream().map(SurveyVersions.Version::id).toList();
    }

    /** The version served, as the log names it: its day and short commit. */
    private String served() {
        SurveyVersions vs = store.served().versions();
        return vs == null
                ? "nothing"
                : "the version of " + vs.latest().day() + " (" + vs.latest().shortId() + ")";
    }

    private static String shortId(String commit) {
        return commit == null
                ? "(no commit)"
                : commit.substring(0, Math.min(commit.length(), SurveyVersions.MIN_PREFIX));
    }

    /** The outcome of the last refresh, or null before the first. */
    public RefreshStatus status() {
        return status;
    }

    /** How many refreshes ran (scheduled or not). */
    public long refreshes() {
        return refreshes.get();
    }

    /**
     * Stops following: a refresh running is interrupted, and waited for (at most {@link #STOP_WAIT}) so that it does
     * not write into a store being closed.
     */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService t = timer;
        if (t == null) return;
        t.shutdownNow();
        try {
            t.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long {@link #close} waits for a refresh running to stop. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
}
