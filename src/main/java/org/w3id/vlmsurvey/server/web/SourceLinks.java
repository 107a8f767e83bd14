package org.w3id.vlmsurvey.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * Where a line of the survey's README is on GitHub, at the commit that was read, and how to report a mistake in
 * it there. The commit is known for the bundled survey (data/README.md: jingyi0000/VLM_survey at {@value #BUNDLED_COMMIT})
 * and for the newest version of a served history; for any other source there is no link.
 */
public final class SourceLinks {
    /** The survey's repository. */
    public static final String UPSTREAM = "https://github.com/jingyi0000/VLM_survey";
    /** The commit of the upstream README that data/vlm-survey.md copies (data/README.md). */
    public static final String BUNDLED_COMMIT = "2b83d1a";

    private static final String BUNDLED_DIGEST = sha256(Bundled.bytes(Bundled.SURVEY));

    private SourceLinks() {}

    /** The commit the served graph was read from: the history's newest, the bundled one's, or null. */
    static String commit(SurveyStore.Loaded loaded, String historyCommit) {
        if (historyCommit != null && !historyCommit.isBlank()) return historyCommit;
        if (loaded != null && BUNDLED_DIGEST.equals(loaded.digest())) return BUNDLED_COMMIT;
        return null;
    }

    /** The README's line {@code line} at {@code commit} on GitHub. */
    static String line(String commit, long line) {
        return UPSTREAM + "/blob/" + commit + "/README.md#L" + line;
    }

    /** A new issue on the survey's repository, its title and body filled in for a mistake in the listing of a paper. */
    static String reportMistake(String title, String lineUrl) {
        String body = "The survey's README lists \"" + title + "\" at " + lineUrl
                + "\n\nWhat is wrong (title, venue, year, links, code, category):\n\nWhat it should be:\n";
        return UPSTREAM + "/issues/new?title=" + enc("Mistake in the listing of " + title) + "&body=" + enc(body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
