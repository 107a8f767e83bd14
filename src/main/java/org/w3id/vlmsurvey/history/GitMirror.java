package org.w3id.vlmsurvey.history;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;
import org.w3id.vlmsurvey.cache.GraphCache;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/**
 * A bare clone of a survey's repository given by URL ({@code serve --history-git https://...}), kept in a folder of
 * the cache and fetched again on request ({@link #fetch}), read with JGit (no {@code git} program). Only
 * {@value #SCHEMES} URLs: an operator's option, never a request's. Every transfer has a network timeout
 * ({@link #IO_TIMEOUT}: no byte for that long) and a deadline ({@link #DEADLINE}: the whole clone or fetch); branches
 * only, no tags.
 */
public final class GitMirror implements AutoCloseable {
    /** The URL schemes taken: https, http and file (ssh and the git protocol are not). */
    public static final String SCHEMES = "https, http, file";

    private static final Set<String> ALLOWED = Set.of("https", "http", "file");

    /** A transfer that receives nothing for this long fails (JGit's transport timeout). */
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    /** A clone or fetch that takes longer than this is cancelled. */
    public static final Duration DEADLINE = Duration.ofMinutes(10);

    /** The folder of the clones inside the cache folder. */
    public static final String FOLDER = "git";

    private static final String REMOTE = "origin";
    private static final RefSpec BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");

    private final String url;
    private final Path dir;
    private final Repository repo;

    private GitMirror(String url, Path dir, Repository repo) {
        this.url = url;
        this.dir = dir;
        this.repo = repo;
    }

    /**
     * Whether {@code location} is meant as a URL ({@code scheme://...}, or git's {@code user@host:path} for ssh) rather
     * than a folder: then it must pass {@link #check}.
     */
    public static boolean isUrl(String location) {
        return location.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")
                || SCP_LIKE.matcher(location).matches();
    }

    private static final java.util.regex.Pattern SCHEME =
            java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

    /** git's short form of an ssh URL, {@code git@github.com:owner/name.git}. */
    private static final java.util.regex.Pattern SCP_LIKE =
            java.util.regex.Pattern.compile("(?s)[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.*");

    /**
     * The URL, checked: {@value #SCHEMES} only, with a host for http(s). {@link SourceException} naming the URL (its
     * password hidden) and what is wrong.
     */
    public static URIish check(String url) {
        if (SCP_LIKE.matcher(url).matches())
            throw new SourceException(Problem.error(
                    shown(url), 0, "an ssh address is not taken: give an " + SCHEMES + " URL, or a folder"));
        java.util.regex.Matcher m = SCHEME.matcher(url);
        String scheme = m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        if (!ALLOWED.contains(scheme))
            throw new SourceException(Problem.error(
                    shown(url),
                    0,
                    "the scheme " + (scheme.isEmpty() ? "(none)" : scheme) + " is not taken: give an " + SCHEMES
                            + " URL, or a folder"));
        URIish u;
        try {
            // JGit reads a scheme in lower case only (HTTPS://... would be a folder)
            u = new URIish(scheme + url.substring(m.end(1)));
        } catch (URISyntaxException e) {
            throw new SourceException(Problem.error(shown(url), 0, "not a repository URL: " + e.getMessage()));
        }
        if (!scheme.equals("file") && (u.getHost() == null || u.getHost().isEmpty()))
            throw new SourceException(Problem.error(shown(url), 0, "no host in the URL"));
        return u;
    }

    /** The URL as named in messages and logs: without the password of a {@code user:password@} part. */
    public static String shown(String url) {
        return url.replaceAll("([A-Za-z][A-Za-z0-9+.-]*://[^/@:\\s]*):[^/@\\s]*@", "$1:***@");
    }

    /** The clone's folder for {@code url} in the cache folder {@code cacheDir}: {@value #FOLDER}/ and the URL's hash. */
    public static Path folder(Path cacheDir, String url) {
        return cacheDir.resolve(FOLDER)
                .resolve(GraphCache.sha256(url.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 16));
    }

    /**
     * The clone of {@code url} in {@code dir}: cloned (bare) when {@code dir} holds no repository yet, else the
     * clone made earlier, fetched. {@link SourceException} naming the URL when the URL is not taken or the clone or
     * fetch fails (no such repository, network, authentication, a corrupt answer, the deadline).
     */
    public static GitMirror open(String url, Path dir) {
        URIish u = check(url);
        if (Files.isDirectory(dir) && RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
            GitMirror m;
            try {
                m = new GitMirror(
                        url,
                        dir,
                        RepositoryCache.FileKey.exact(dir.toFile(), FS.DETECTED).open(true));
            } catch (IOException e) {
                throw failure(url, "cannot open its clone " + dir + ": " + e.getMessage());
            }
            try {
                m.fetch();
                return m;
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(url, "cannot make the folder of its clone " + dir + ": " + e);
        }
        try {
            Git.cloneRepository()
                    .setURI(u.toString())
                    .setDirectory(dir.toFile())
                    .setBare(true)
                    .setNoTags()
                    .setCloneSubmodules(false)
                    .setTimeout((int) IO_TIMEOUT.toSeconds())
                    .setProgressMonitor(new Deadline(DEADLINE))
                    .call()
                    .close();
            return new GitMirror(
                    url,
                    dir,
                    RepositoryCache.FileKey.exact(dir.toFile(), FS.DETECTED).open(true));
        } catch (GitAPIException | IOException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            throw failure(url, "cannot clone it: " + cause(e));
        }
    }

    /**
     * Fetches the branches again (a branch moved by force is followed). Returns whether HEAD changed; {@link
     * SourceException} naming the URL when the fetch fails.
     */
    public boolean fetch() {
        ObjectId before = head();
        try (Git git = Git.wrap(repo)) {
            git.fetch()
                    .setRemote(REMOTE)
                    .setRefSpecs(BRANCHES)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setRemoveDeletedRefs(true)
                    .setTimeout((int) IO_TIMEOUT.toSeconds())
                    .setProgressMonitor(new Deadline(DEADLINE))
                    .call();
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            throw failure(url, "cannot fetch it: " + cause(e));
        }
        ObjectId after = head();
        return after != null && !after.equals(before);
    }

    private ObjectId head() {
        try {
            return repo.resolve("HEAD");
        } catch (IOException e) {
            return null;
        }
    }

    /** The folder of the clone (a bare repository, what {@link GitSnapshots#open} reads). */
    public Path dir() {
        return dir;
    }

    /** The URL cloned. */
    public String url() {
        return url;
    }

    private static SourceException failure(String url, String message) {
        return new SourceException(Problem.error(shown(url), 0, message));
    }

    /** The messages of an exception and its causes, the URL's password hidden. */
    private static String cause(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 500; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (b.indexOf(m) >= 0) continue;
            if (b.length() > 0) b.append(": ");
            b.append(m);
        }
        return shown(b.toString());
    }

    @Override
    public void close() {
        repo.close();
    }

    /** Cancels a transfer (JGit asks {@link #isCancelled} as it goes) once its deadline has passed. */
    private static final class Deadline extends EmptyProgressMonitor {
        private final long end;

        Deadline(Duration d) {
            this.end = System.nanoTime() + d.toNanos();
        }

        @Override
        public boolean isCancelled() {
            return System.nanoTime() - end > 0;
        }
    }
}
