package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The papers table as a reader sees it: one row per paper (papers.rq gives one per paper and category), with its
 * categories as a list ({@code categories}: {@code category}, {@code categoryLabel}) and the union of their paths
 * ({@code categoryPath}, which the filters read); and its order, by a column named in {@code ?sort=} (a leading
 * {@code -} for descending), the survey's order otherwise.
 */
public final class PaperRows {
    /** The columns the table can be sorted by, each with the row value it sorts on. */
    public static final Map<String, String> SORTS =
            Map.of("title", "title", "category", "categoryLabel", "venue", "venueLabel", "year", "year");

    private PaperRows() {}

    /** One row per paper, in the order of their first row. */
    public static List<Map<String, Object>> onePerPaper(List<Map<String, Object>> rows) {
        Map<Object, Map<String, Object>> byPaper = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = byPaper.computeIfAbsent(r.get("paper"), p -> {
                Map<String, Object> m = new LinkedHashMap<>(r);
                m.put("categories", new ArrayList<Map<String, Object>>());
                m.put("categoryPath", "");
                return m;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> categories = (List<Map<String, Object>>) row.get("categories");
            if (r.get("category") != null
                    && categories.stream().noneMatch(c -> r.get("category").equals(c.get("category"))))
                categories.add(Map.of("category", r.get("category"), "categoryLabel", r.get("categoryLabel")));
            Set<String> path = new LinkedHashSet<>();
            for (String s : (row.get("categoryPath") + " " + r.getOrDefault("categoryPath", "")).split(" "))
                if (!s.isBlank()) path.add(s);
            row.put("categoryPath", String.join(" ", path));
            if (r.get("surveys") != null) { // several surveys: every survey that lists it
                Set<String> surveys = new LinkedHashSet<>();
                for (String s : (row.get("surveys") + " " + r.get("surveys")).split(" "))
                    if (!s.isBlank()) surveys.add(s);
                row.put("surveys", String.join(" ", surveys));
            }
            if (Boolean.TRUE.equals(r.get("shown"))) row.put("shown", true);
        }
        return new ArrayList<>(byPaper.values());
    }

    /**
     * The rows sorted by a checked {@code sort} ({@link PageParameters#sort}), stable (ties keep the survey's
     * order); rows without the value last.
     */
    public static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, String sort) {
        return sorted(rows, sort, SORTS);
    }

    /**
     * The rows of any table sorted by a checked {@code sort}: a column of {@code sorts} (each with the row value it
     * sorts on), a leading {@code -} for descending. Stable (ties keep the given order); rows without the value
     * last; numbers by value, anything else as text without regard to case.
     */
    public static List<Map<String, Object>> sorted(
            List<Map<String, Object>> rows, String sort, Map<String, String> sorts) {
        if (sort == null) return rows;
        boolean descending = sort.startsWith("-");
        String key = sorts.get(descending ? sort.substring(1) : sort);
        Comparator<Object> values = (x, y) -> x instanceof Number a && y instanceof Number b
                ? new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString()))
                : String.CASE_INSENSITIVE_ORDER.compare(x.toString(), y.toString());
        Comparator<Map<String, Object>> c =
                Comparator.comparing(r -> r.get(key), Comparator.nullsLast(descending ? values.reversed() : values));
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(c);
        return sorted;
    }
}
