package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of the datasets page: {@code task} and {@code metric} (labels the survey has) keep the evaluation
 * datasets for them, {@code size} (at least 1M, 10M, 100M or 1B image-text pairs) the pre-training datasets that
 * large, {@code year} both; {@code sort} orders both tables by a column ({@link #SORTS}; a leading {@code -} for
 * descending; a table without the column keeps its order), kept in the URL. Each value is checked
 * ({@link PageParameters}) before it picks rows; none is ever written into a query.
 */
public final class DatasetFilters {
    /** The sizes offered, as written and as numbers of image-text pairs. */
    static final Map<String, BigDecimal> SIZES = sizes();

    /** The columns the tables can be sorted by ({@code ?sort=}), each with the row value of datasets.rq it sorts on. */
    static final Map<String, String> SORTS = Map.of(
            "name", "name",
            "year", "year",
            "size", "imageTextPairs",
            "classes", "classes",
            "train", "trainingSize",
            "test", "testingSize");

    /** The filters, in the order of the form (and of a link's query). */
    static final List<String> FILTERS = List.of("task", "metric", "year", "size");

    private DatasetFilters() {}

    private static Map<String, BigDecimal> sizes() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("1M", new BigDecimal("1e6"));
        m.put("10M", new BigDecimal("1e7"));
        m.put("100M", new BigDecimal("1e8"));
        m.put("1B", new BigDecimal("1e9"));
        return m;
    }

    /** Puts the choices, the chosen values and the kept rows ({@code pretraining}, {@code evaluation}) into the model. */
    static void apply(HttpServletRequest req, List<Map<String, Object>> rows, Map<String, Object> model) {
        Set<String> tasks = new TreeSet<>(), metrics = new TreeSet<>(), years = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            if (r.get("taskLabel") != null) tasks.add(r.get("taskLabel").toString());
            for (String m : metrics(r)) metrics.add(m);
            if (r.get("year") != null) years.add(r.get("year").toString());
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String f : FILTERS) {
            String v = req.getParameter(f);
            if (v == null || v.isBlank()) continue;
            chosen.put(
                    f,
                    switch (f) {
                        case "task" -> PageParameters.oneOf("task", v, tasks);
                        case "metric" -> PageParameters.oneOf("metric", v, metrics);
                        case "year" -> PageParameters.year(v, years);
                        default -> PageParameters.oneOf("size", v, SIZES.keySet());
                    });
        }
        List<Map<String, Object>> pretraining = new ArrayList<>(), evaluation = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (!keeps(chosen, r)) continue;
            if ("pre-training".equals(r.get("kind"))) pretraining.add(r);
            else if ("evaluation".equals(r.get("kind"))) evaluation.add(r);
        }
        model.put("tasks", tasks);
        model.put("metrics", metrics);
        model.put("years", new TreeSet<>(years).descendingSet());
        model.put("sizes", SIZES.keySet());
        model.put("chosen", chosen);
        String sort = req.getParameter("sort");
        if (sort != null && !sort.isBlank()) {
            sort = PageParameters.sort(sort, SORTS.keySet());
            model.put("sort", sort);
        } else sort = null;
        model.put("sortLinks", sortLinks(chosen, sort));
        model.put("pretraining", PaperRows.sorted(pretraining, sort, SORTS));
        model.put("evaluation", PaperRows.sorted(evaluation, sort, SORTS));
    }

    /**
     * For each column, the link that sorts by it with the chosen filters kept: ascending, or descending when the
     * tables are already sorted by it ascending.
     */
    static Map<String, String> sortLinks(Map<String, String> chosen, String sort) {
        StringBuilder filters = new StringBuilder();
        for (Map.Entry<String, String> e : chosen.entrySet())
            filters.append(e.getKey())
                    .append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .append('&');
        Map<String, String> links = new LinkedHashMap<>();
        for (String column : SORTS.keySet())
            links.put(column, "/datasets?" + filters + "sort=" + (column.equals(sort) ? "-" : "") + column);
        return links;
    }

    private static List<String> metrics(Map<String, Object> r) {
        Object m = r.get("metrics");
        if (m == null || m.toString().isBlank()) return List.of();
        return List.of(m.toString().split(",\\s*"));
    }

    /** Whether a row of {@code datasets.rq} passes the checked filters. */
    static boolean keeps(Map<String, String> chosen, Map<String, Object> r) {
        boolean evaluation = "evaluation".equals(r.get("kind"));
        if (chosen.containsKey("task") && !(evaluation && chosen.get("task").equals(r.get("taskLabel")))) return false;
        if (chosen.containsKey("metric") && !(evaluation && metrics(r).contains(chosen.get("metric")))) return false;
        if (chosen.containsKey("year") && !chosen.get("year").equals(String.valueOf(r.get("year")))) return false;
        if (chosen.containsKey("size")) {
            Object pairs = r.get("imageTextPairs");
            if (evaluation || pairs == null) return false;
            if (new BigDecimal(pairs.toString()).compareTo(SIZES.get(chosen.get("size"))) < 0) return false;
        }
        return true;
    }
}
