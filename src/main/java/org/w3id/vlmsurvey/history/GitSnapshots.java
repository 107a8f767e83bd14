package org.w3id.vlmsurvey.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/**
 * The versions of a file in a git repository, read with JGit (no {@code git} program): every commit on the
 * first-parent line of HEAD that changed the file, oldest first.
 */
public final class GitSnapshots implements AutoCloseable {
    /** The file read by default: the survey's own README. */
    public static final String DEFAULT_FILE = "README.md";

    private final Path dir;
    private final Repository repo;
    private final String file;
    private final List<Problem> warnings = new ArrayList<>();

    private GitSnapshots(Path dir, Repository repo, String file) {
        this.dir = dir;
        this.repo = repo;
        this.file = file;
    }

    /**
     * Opens the repository in {@code dir}: a work tree with a {@code .git} folder, or a bare repository.
     * Throws {@link SourceException} when it is not one.
     */
    public static GitSnapshots open(Path dir, String file) {
        RepositoryCache.FileKey key = RepositoryCache.FileKey.lenient(dir.toFile(), FS.DETECTED);
        if (!Files.isDirectory(dir) || !RepositoryCache.FileKey.isGitRepository(key.getFile(), FS.DETECTED))
            throw new SourceException(
                    Problem.error(dir.toString(), 0, "not a git repository (no .git folder, not a bare repository)"));
        try {
            return new GitSnapshots(dir, key.open(true), file);
        } catch (IOException e) {
            throw new SourceException(
                    Problem.error(dir.toString(), 0, "cannot open the git repository: " + e.getMessage()));
        }
    }

    /** Every version of the file on the first-parent line of HEAD, oldest first, within the default limits. */
    public List<Snapshot> history() {
        return history(HistoryLimits.defaults());
    }

    /**
     * Every version of the file on the first-parent line of HEAD, oldest first. A commit where the path is a
     * submodule (a gitlink: a commit of another repository, not a file) or a folder is skipped with a warning
     * ({@link #warnings()}). The number of versions, each one's size and their distinct total are checked against
     * {@code limits} (and the heap) before any content is read: {@link SourceException} naming the limit.
     */
    public List<Snapshot> history(HistoryLimits limits) {
        record Found(RevCommit commit, ObjectId blob) {}
        List<Found> found = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null)
                throw new SourceException(Problem.error(dir.toString(), 0, "the repository has no commits (no HEAD)"));
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                ObjectId blob = file(c, true);
                if (blob == null) continue;
                ObjectId before = c.getParentCount() == 0 ? null : file(walk.parseCommit(c.getParent(0)), false);
                if (!blob.equals(before)) found.add(new Found(c, blob));
            }
            limits.checkVersions(dir + " (" + file + ")", found.size());
            java.util.Map<ObjectId, Long> sizes = new java.util.HashMap<>();
            for (Found f : found) {
                long size = repo.open(f.blob(), Constants.OBJ_BLOB).getSize();
                limits.checkFile(name(f.commit()), size);
                sizes.put(f.blob(), size);
            }
            limits.checkTotal(
                    dir + " (" + file + ")",
                    sizes.values().stream().mapToLong(Long::longValue).sum());
            List<Snapshot> versions = new ArrayList<>();
            for (Found f : found) versions.add(snapshot(f.commit(), f.blob()));
            Collections.reverse(versions);
            return versions;
        } catch (IOException e) {
            throw new SourceException(
                    Problem.error(dir.toString(), 0, "cannot read the git repository: " + e.getMessage()));
        }
    }

    /** Warnings of the last {@link #history}: the commits skipped because the path is not a file there. */
    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** The blob of the file in a commit, or null when it has none or the path is a submodule or a folder there. */
    private ObjectId file(RevCommit c, boolean warn) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, file, c.getTree())) {
            if (tw == null) return null;
            FileMode mode = tw.getFileMode(0);
            if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) return tw.getObjectId(0);
            if (warn)
                warnings.add(Problem.warning(
                        name(c),
                        0,
                        file
                                + (mode == FileMode.GITLINK
                                        ? " is a submodule (gitlink)"
                                        : " is not a file (" + mode + ")")
                                + " in this commit: skipped"));
            return null;
        }
    }

    private String name(RevCommit c) {
        return file + "@" + c.abbreviate(7).name();
    }

    /**
     * The versions of the file ({@link #history()}) whose commit ids are nearest to a revision that does not resolve,
     * at most {@code n}, nearest first ({@link Nearest}). For the message of a mistyped {@code --version}.
     */
    public List<Snapshot> nearest(String revision, int n) {
        return Nearest.of(history(), revision, null, Snapshot::id, Snapshot::time, n);
    }

    /** The file as of a revision ({@code HEAD~3}, a tag, a SHA, ...); {@link SourceException} if there is none. */
    public Snapshot at(String revision) {
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id;
            try {
                id = repo.resolve(revision + "^{commit}");
            } catch (RevisionSyntaxException e) {
                id = null;
            }
            if (id == null)
                throw new SourceException(Problem.error(dir.toString(), 0, "no such revision: " + revision));
            RevCommit c = walk.parseCommit(id);
            ObjectId blob = file(c, false);
            if (blob == null)
                throw new SourceException(Problem.error(
                        dir.toString(), 0, revision + " (" + c.abbreviate(7).name() + ") has no file " + file));
            HistoryLimits.defaults()
                    .checkFile(name(c), repo.open(blob, Constants.OBJ_BLOB).getSize());
            return snapshot(c, blob);
        } catch (IOException e) {
            throw new SourceException(
                    Problem.error(dir.toString(), 0, "cannot read the git repository: " + e.getMessage()));
        }
    }

    private Snapshot snapshot(RevCommit c, ObjectId blob) throws IOException {
        byte[] bytes;
        try {
            bytes = repo.open(blob, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE);
        } catch (org.eclipse.jgit.errors.LargeObjectException e) {
            throw new SourceException(Problem.error(name(c), 0, "too large to read: " + e.getMessage()));
        }
        return new Snapshot(
                c.name(),
                c.name(),
                Instant.ofEpochSecond(c.getCommitTime()),
                file + "@" + c.abbreviate(7).name(),
                bytes,
                blob.name());
    }

    /** The commit id of HEAD (what a history built from it depends on, with the file and limits), or null if none. */
    public String head() {
        try {
            ObjectId id = repo.resolve("HEAD");
            return id == null ? null : id.name();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
