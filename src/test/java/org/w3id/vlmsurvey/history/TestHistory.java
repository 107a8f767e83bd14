package org.w3id.vlmsurvey.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * The test history: a git repository built with JGit from {@code src/test/resources/history/v1.md ... v8.md}, with
 * fixed authors and dates so that every commit has the same SHA on every run.
 * <pre>
 *   c1  2023-04-07  v1  numbered lists (papers and pre-training datasets)
 *   c2  2023-04-18  v2  one more paper (FILIP) and dataset (LAION5B), still numbered lists
 *   c3  2023-05-01      NOTES.md only: not a version of README.md
 *   c4  2023-06-05  v3  the lists became tables; an empty dataset row; FILIP "arXiv 2021"
 *   c5  2023-06-07  v4  SLIP added
 *   c6  2023-08-01  v5  FILIP moved to ICLR 2022; a News bullet list with two papers (SigLIP on arXiv)
 *   c7  2023-09-10  v6  a row without a title: an error, so this version is skipped
 *   c8  2023-09-12  v7  the row fixed (DeCLIP); the category renamed to "Contrastive Pre-training"
 *   s1  2024-01-10  v8  on a side branch: ALIGN removed, SigLIP moved to ICCV 2023 with code
 *   c9  2024-01-12      NOTES.md only
 *   c10 2024-01-15  v8  merge of the side branch (first parent c9): the version is the merge, not s1
 * </pre>
 */
public final class TestHistory {
    public static final Path VERSIONS = Path.of("src/test/resources/history");

    /** A commit of the main line that changed README.md, with its date. */
    public record Commit(String sha, String version, String date) {
        public String short7() {
            return sha.substring(0, 7);
        }
    }

    public final Path dir;
    /** The versions of README.md in order: v1, v2, v3, v4, v5, v6 (skipped), v7, v8 (the merge). */
    public final List<Commit> versions = new ArrayList<>();

    private TestHistory(Path dir) {
        this.dir = dir;
    }

    /** The history of this repository's README.md, built on 2 threads (what most history tests start from). */
    public History history() throws IOException {
        try (GitSnapshots git = GitSnapshots.open(dir, "README.md")) {
            return History.build(git.history(), 2);
        }
    }

    public static TestHistory create(Path dir) throws IOException {
        TestHistory h = new TestHistory(dir);
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository repo = git.getRepository();
            ObjectId c1 = h.commit(repo, "2023-04-07T10:00:00Z", "First draft", Map.of("README.md", "v1"), "v1");
            ObjectId c2 = h.commit(repo, "2023-04-18T09:30:00Z", "More papers", Map.of("README.md", "v2"), "v2", c1);
            ObjectId c3 = h.commit(
                    repo, "2023-05-01T08:00:00Z", "Notes", Map.of("README.md", "v2", "NOTES.md", "n1"), null, c2);
            ObjectId c4 = h.commit(
                    repo, "2023-06-05T12:00:00Z", "Tables", Map.of("README.md", "v3", "NOTES.md", "n1"), "v3", c3);
            ObjectId c5 = h.commit(
                    repo, "2023-06-07T08:15:00Z", "SLIP", Map.of("README.md", "v4", "NOTES.md", "n1"), "v4", c4);
            ObjectId c6 = h.commit(
                    repo, "2023-08-01T16:45:00Z", "News", Map.of("README.md", "v5", "NOTES.md", "n1"), "v5", c5);
            ObjectId c7 = h.commit(
                    repo, "2023-09-10T11:00:00Z", "Half a row", Map.of("README.md", "v6", "NOTES.md", "n1"), "v6", c6);
            ObjectId c8 = h.commit(
                    repo, "2023-09-12T14:20:00Z", "Rename", Map.of("README.md", "v7", "NOTES.md", "n1"), "v7", c7);
            ObjectId s1 = h.commit(
                    repo, "2024-01-10T09:00:00Z", "Side edit", Map.of("README.md", "v8", "NOTES.md", "n1"), null, c8);
            ObjectId c9 = h.commit(
                    repo, "2024-01-12T10:00:00Z", "Notes again", Map.of("README.md", "v7", "NOTES.md", "n2"), null, c8);
            ObjectId c10 = h.commit(
                    repo,
                    "2024-01-15T10:00:00Z",
                    "Merge side",
                    Map.of("README.md", "v8", "NOTES.md", "n2"),
                    "v8",
                    c9,
                    s1);
            RefUpdate side = repo.updateRef("refs/heads/side");
            side.setNewObjectId(s1);
            side.forceUpdate();
            RefUpdate main = repo.updateRef("refs/heads/main");
            main.setNewObjectId(c10);
            main.forceUpdate();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return h;
    }

    private ObjectId commit(
            Repository repo,
            String time,
            String message,
            Map<String, String> files,
            String version,
            ObjectId... parents)
            throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                byte[] bytes = f.getValue().startsWith("v")
                        ? Files.readAllBytes(VERSIONS.resolve(f.getValue() + ".md"))
                        : ("notes " + f.getValue() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                tree.append(f.getKey(), FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, bytes));
            }
            PersonIdent who =
                    new PersonIdent("Survey Maintainer", "maintainer@example.org", Instant.parse(time), ZoneOffset.UTC);
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(ins.insert(tree));
            c.setParentIds(parents);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message + "\n");
            ObjectId id = ins.insert(c);
            ins.flush();
            if (version != null) versions.add(new Commit(id.name(), version, time));
            return id;
        }
    }

    /**
     * A repository whose README.md goes through the given texts, one commit each on the main line, at the given
     * times (ISO instants), oldest first; fixed authors, so the same SHAs on every run.
     */
    public static TestHistory linear(Path dir, List<Map.Entry<String, String>> timedTexts) throws IOException {
        TestHistory h = new TestHistory(dir);
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository repo = git.getRepository();
            ObjectId parent = null;
            int n = 0;
            for (Map.Entry<String, String> e : timedTexts) {
                n++;
                try (ObjectInserter ins = repo.newObjectInserter()) {
                    TreeFormatter tree = new TreeFormatter();
                    tree.append(
                            "README.md",
                            FileMode.REGULAR_FILE,
                            ins.insert(
                                    Constants.OBJ_BLOB,
                                    e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    PersonIdent who = new PersonIdent(
                            "Survey Maintainer", "maintainer@example.org", Instant.parse(e.getKey()), ZoneOffset.UTC);
                    CommitBuilder c = new CommitBuilder();
                    c.setTreeId(ins.insert(tree));
                    if (parent != null) c.setParentIds(parent);
                    c.setAuthor(who);
                    c.setCommitter(who);
                    c.setMessage("version " + n + "\n");
                    parent = ins.insert(c);
                    ins.flush();
                    h.versions.add(new Commit(parent.name(), "v" + n, e.getKey()));
                }
            }
            RefUpdate main = repo.updateRef("refs/heads/main");
            main.setNewObjectId(parent);
            main.forceUpdate();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return h;
    }

    /** The prompt learning list of the several-surveys tests ({@code src/test/resources/surveys/prompting.md}). */
    public static final Path PROMPTING = Path.of("src/test/resources/surveys/prompting.md");

    /** The row of {@link #PROMPTING} that its first version in {@link #twoSurveys} does not have yet (MaPLe). */
    static final String MAPLE = "| [MaPLe: Multi-modal Prompt Learning]";

    /**
     * Two surveys' repositories under {@code parent} (folders {@code a} and {@code b}), for the histories of several
     * surveys: {@code a} is this survey at v7 (2023-09-12) then v8 (2024-01-15); {@code b} is the prompt learning list
     * ({@link #PROMPTING}) without MaPLe (2024-02-01), then whole (2024-03-01). They share one paper, CLIP (arXiv
     * 2103.00020), listed by both newest versions.
     */
    public static List<TestHistory> twoSurveys(Path parent) throws IOException {
        String prompting = Files.readString(PROMPTING);
        String withoutMaple = prompting
                .lines()
                .filter(l -> !l.startsWith(MAPLE))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        if (withoutMaple.equals(prompting)) throw new IllegalStateException(PROMPTING + " has no MaPLe row");
        return List.of(
                linear(
                        parent.resolve("a"),
                        List.of(
                                Map.entry("2023-09-12T14:20:00Z", Files.readString(VERSIONS.resolve("v7.md"))),
                                Map.entry("2024-01-15T10:00:00Z", Files.readString(VERSIONS.resolve("v8.md"))))),
                linear(
                        parent.resolve("b"),
                        List.of(
                                Map.entry("2024-02-01T09:00:00Z", withoutMaple),
                                Map.entry("2024-03-01T09:00:00Z", prompting))));
    }

    public Commit version(String v) {
        return versions.stream().filter(c -> c.version().equals(v)).findFirst().orElseThrow();
    }
}
