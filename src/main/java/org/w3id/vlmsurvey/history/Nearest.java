package org.w3id.vlmsurvey.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.w3id.vlmsurvey.diagnostics.Spelling;

/**
 * The versions nearest to a revision that names none, for the messages that list them: {@code render --version}'s
 * (the versions of a git repository, {@link GitSnapshots#nearest}) and the server's 404 for an unknown
 * {@code ?version=} (the versions of a history served). Written once, for any kind of version.
 */
public final class Nearest {
    /** The length of a short commit id: a revision shorter than that is compared with the id's first 7 digits. */
    static final int SHORT_ID = 7;

    private Nearest() {}

    /**
     * At most {@code n} of {@code oldestFirst}, nearest first. For a {@code day}, by days apart (UTC); else by the edit
     * distance between the revision (stripped, lower case) and the id's prefix of the revision's length (at least 7).
     * Ties go to the newer version.
     *
     * @param id   a version's id (its commit)
     * @param time when a version was made (read only for a day)
     */
    public static <V> List<V> of(
            List<V> oldestFirst,
            String revision,
            LocalDate day,
            Function<V, String> id,
            Function<V, Instant> time,
            int n) {
        Comparator<V> order;
        if (day != null) {
            long d = day.toEpochDay();
            order = Comparator.comparingLong(v -> Math.abs(
                    time.apply(v).atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay() - d));
        } else {
            String r = revision.strip().toLowerCase(Locale.ROOT);
            order = Comparator.comparingInt(v -> {
                String s = id.apply(v);
                return Spelling.editDistance(r, s.substring(0, Math.min(s.length(), Math.max(r.length(), SHORT_ID))));
            });
        }
        List<V> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        newestFirst.sort(order); // stable: among equals, the newer first
        return List.copyOf(newestFirst.subList(0, Math.min(Math.max(n, 0), newestFirst.size())));
    }
}
