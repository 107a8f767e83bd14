package org.w3id.vlmsurvey.markdown;

/**
 * Counts the cells of a raw table line as written, so that cells the GFM table parser drops (a row with
 * more cells than the header) are not lost silently: the mapping's checks compare this with the columns.
 */
final class RawCells {
    private RawCells() {}

    static int count(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) return 0;
        int pipes = 0;
        boolean code = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '`') code = !code;
            else if (c == '|' && !code) pipes++;
        }
        boolean lead = s.charAt(0) == '|';
        boolean trail = s.length() > 1 && s.charAt(s.length() - 1) == '|' && s.charAt(s.length() - 2) != '\\';
        int cells = pipes + 1 - (lead ? 1 : 0) - (trail ? 1 : 0);
        return Math.max(cells, 0);
    }
}
