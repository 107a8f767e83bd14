package org.w3id.vlmsurvey.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.errors.RevisionSyntaxException;
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

    /** Every version of the file on the first-parent line of HEAD, oldest first. */
    public List<Snapshot> history() {
        List<Snapshot> versions = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null)
                throw new SourceException(Problem.error(dir.toString(), 0, "the repository has no commits (no HEAD)"));
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                ObjectId blob = blob(c);
                if (blob == null) continue;
                ObjectId before = c.getParentCount() == 0 ? null : blob(walk.parseCommit(c.getParent(0)));
                if (!blob.equals(before)) versions.add(snapshot(c, blob));
            }
        } catch (IOException e) {
            throw new SourceException(
                    Problem.error(dir.toString(), 0, "cannot read the git repository: " + e.getMessage()));
        }
        Collections.reverse(versions);
        return versions;
    }

    /**
     * The versions of the file ({@link #history()}) whose commit ids are nearest to a revision that does not resolve,
     * at most {@code n}, nearest first: by the edit distance between the revision and the id's prefix of the same
     * length, then newest first. For the message of a mistyped {@code --version}.
     */
    public List<Snapshot> nearest(String revision, int n) {
        String r = revision.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.Comparator<Snapshot> byDistance = java.util.Comparator.comparingInt(s -> {
            String id = s.id().substring(0, Math.min(s.id().length(), Math.max(r.length(), 7)));
            return org.w3id.vlmsurvey.mapping.MappingFunctions.editDistance(r, id);
        });
        List<Snapshot> all = new ArrayList<>(history());
        Collections.reverse(all);
        all.sort(byDistance);
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
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
            ObjectId blob = blob(c);
            if (blob == null)
                throw new SourceException(Problem.error(
                        dir.toString(), 0, revision + " (" + c.abbreviate(7).name() + ") has no file " + file));
            return snapshot(c, blob);
        } catch (IOException e) {
            throw new SourceException(
                    Problem.error(dir.toString(), 0, "cannot read the git repository: " + e.getMessage()));
        }
    }

    private ObjectId blob(RevCommit c) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, file, c.getTree())) {
            return tw == null ? null : tw.getObjectId(0);
        }
    }

    private Snapshot snapshot(RevCommit c, ObjectId blob) throws IOException {
        byte[] bytes = repo.open(blob).getBytes();
        return new Snapshot(
                c.name(),
                c.name(),
                Instant.ofEpochSecond(c.getCommitTime()),
                file + "@" + c.abbreviate(7).name(),
                bytes,
                blob.name());
    }

    @Override
    public void close() {
        repo.close();
    }
}
