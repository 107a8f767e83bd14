package org.w3id.vlmsurvey.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;
import org.w3id.vlmsurvey.history.GitMirror;
import org.w3id.vlmsurvey.history.GitSnapshots;

/**
 * The repository of {@code serve --history-git}: a folder as it is, or the bare clone of a URL ({@link GitMirror}) in
 * the cache folder ({@code CACHE/git/<hash of the URL>}, reused and fetched at the next start), else, without a
 * cache, in a temporary folder deleted on {@link #close}. Holds the HEAD commit read at start-up, before the history
 * is built from it (a commit made meanwhile is found by the first refresh).
 *
 * @param name      the repository as logs and messages name it: the folder, or the URL without its password
 * @param dir       the folder read (the work tree or bare repository, or the clone)
 * @param mirror    the clone of a URL, or null for a folder
 * @param temporary whether {@code dir} is deleted on {@link #close}
 * @param head      the HEAD commit at start-up (null: none)
 */
public record HistoryRepository(String name, Path dir, GitMirror mirror, boolean temporary, String head)
        implements AutoCloseable {

    /**
     * Opens {@code location}, a folder or a URL ({@link GitMirror#isUrl}), cloning or fetching a URL into {@code
     * cacheDir} (null: a temporary folder). {@link org.w3id.vlmsurvey.diagnostics.SourceException} naming the
     * location when it is not a repository, its URL is not taken, or the clone fails.
     */
    public static HistoryRepository open(String location, Path cacheDir) {
        if (!GitMirror.isUrl(location)) {
            Path dir = Path.of(location);
            return new HistoryRepository(location, dir, null, false, head(dir));
        }
        GitMirror.check(location);
        Path dir;
        try {
            dir = cacheDir != null ? GitMirror.folder(cacheDir, location) : Files.createTempDirectory("vlm-survey-git");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            GitMirror m = GitMirror.open(location, dir);
            return new HistoryRepository(GitMirror.shown(location), dir, m, cacheDir == null, head(dir));
        } catch (RuntimeException e) {
            if (cacheDir == null) delete(dir);
            throw e;
        }
    }

    private static String head(Path dir) {
        try (GitSnapshots git = GitSnapshots.open(dir, GitSnapshots.DEFAULT_FILE)) {
            return git.head();
        }
    }

    /** Fetches a clone ({@link GitMirror#fetch}); a folder is read as it is. */
    public void fetch() {
        if (mirror != null) mirror.fetch();
    }

    @Override
    public void close() {
        if (mirror != null) mirror.close();
        if (temporary) delete(dir);
    }

    private static void delete(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the stop for
        }
    }
}
