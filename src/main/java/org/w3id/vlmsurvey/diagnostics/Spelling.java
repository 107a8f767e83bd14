package org.w3id.vlmsurvey.diagnostics;

import java.util.Locale;

/**
 * What "did you mean" needs, written once: the rules' {@code vlmfn:editDistance} (a venue spelled close to a known
 * one) and the nearest versions of a revision that does not exist both use it.
 */
public final class Spelling {
    private Spelling() {}

    /** The edit (Levenshtein) distance between two texts, compared without case: "NeurlPS", "NeurIPS" -> 1. */
    public static int editDistance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT), y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1], cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) prev[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++)
                cur[j] = Math.min(
                        Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
