package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.query.SearchText;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * {@code /search?q=words}: the papers, datasets, categories, tasks, metrics and venues that match, best first, each
 * with its kind, a snippet with the matched words marked, and a link to its page; as HTML, CSV or JSON like the
 * browse pages ({@code ?format=}, {@code Accept}, or {@code /search.csv} / {@code /search.json}). The text is read as
 * a Lucene query ({@link SearchText}: words, phrases, {@code +}/{@code -}, fuzzy and prefix terms, long words also
 * with typos) within the server's text search limits; a text that is not one answers 400 with the parser's message.
 * The query is {@code queries/pages/search.rq} with {@code ?q} bound to that Lucene string (a literal, never query
 * text). A paper is also found by the words of its categories, venue, year and datasets, a dataset by its tasks,
 * metrics and languages (the index's context field). The results page has facets (kind, category, year) and takes
 * {@code kind} and the filters of {@code /papers} ({@link PaperFilters}: a paper filter keeps papers only). Text longer
 * than {@value #MAX_LENGTH} characters is refused (400).
 */
public final class SearchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final int MAX_LENGTH = Search.MAX_LENGTH;
    private static final Pattern PATH = Pattern.compile("/search(?:\\.(csv|json))?");
    /** The markers the text index puts around matched words (jena-text's default highlighting). */
    static final String MARK_START = "↦", MARK_END = "↤";
    /** The kinds of results, in the order of the kind facet. */
    static final List<String> KINDS = List.of("paper", "dataset", "category", "task", "metric", "venue");

    private final transient SurveyStore store;

    public SearchServlet(SurveyStore store) {
        this.store = store;
    }

    public static List<String> paths() {
        return List.of("/search", "/search.csv", "/search.json");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            Negotiation.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path + "\n");
            return;
        }
        String type = m.group(1) == null
                ? Negotiation.chooseTable(req)
                : m.group(1).equals("csv") ? Negotiation.CSV : Negotiation.JSON;
        if (type == null) {
            Negotiation.text(
                    resp,
                    HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "Not acceptable: search results are available as text/html, text/csv and application/json (or ?format=html|csv|json)\n");
            return;
        }
        ShownVersion shown = ShownVersion.of(req, store);
        DatasetGraph dsg = shown.dataset();
        String q = req.getParameter("q") == null ? "" : Search.checked(req.getParameter("q"));
        String kind = req.getParameter("kind");
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind.strip()))
            throw PageParameters.bad("kind is one of " + String.join(", ", KINDS));
        kind = kind == null || kind.isBlank() ? null : kind.strip();
        Table papers = PageQuery.of("papers").run(dsg);
        PaperFilters filters = PaperFilters.of(
                new WithoutQ(req), dsg, papers, PageQuery.of("categories").run(dsg));
        PageQuery query = q.isEmpty() ? PageQuery.of(Search.QUERY) : Search.query(dsg, q);
        Table all = q.isEmpty()
                ? new Table(List.of("resource", "kind", "label", "snippet", "score"), List.of())
                : query.run(dsg);
        Map<String, List<Map<String, Object>>> paperRows = new HashMap<>();
        for (Map<String, Object> r : papers.rows())
            paperRows
                    .computeIfAbsent(String.valueOf(r.get("paper")), p -> new ArrayList<>())
                    .add(r);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> hit : all.rows()) {
            boolean isPaper = "paper".equals(hit.get("kind"));
            if (!filters.none()) {
                if (!isPaper) continue;
                if (paperRows.getOrDefault(String.valueOf(hit.get("resource")), List.of()).stream()
                        .noneMatch(filters::keeps)) continue;
            }
            kept.add(hit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("facets", facets(kept, paperRows, filters, q, kind));
        if (kind != null) {
            String k = kind;
            kept = kept.stream().filter(h -> k.equals(h.get("kind"))).toList();
        }
        Table hits = new Table(all.columns(), kept);
        if (type.equals(Negotiation.CSV)) {
            resp.setHeader("Content-Disposition", "inline; filename=\"search.csv\"");
            Negotiation.send(resp, Negotiation.CSV, plain(hits).csv());
        } else if (type.equals(Negotiation.JSON)) {
            Negotiation.send(resp, Negotiation.JSON, plain(hits).json().toString());
        } else {
            model.put("section", "search");
            model.put("version", shown.model());
            model.put("q", q);
            model.put("kind", kind);
            model.put("chosen", filters.chosen());
            model.put("filterQuery", withKind(filters.query(q.isEmpty() ? Map.of() : Map.of("q", q)), kind));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> r : hits.rows()) {
                Map<String, Object> row = new LinkedHashMap<>(r);
                row.put("parts", parts(String.valueOf(r.getOrDefault("snippet", ""))));
                rows.add(row);
            }
            model.put("hits", rows);
            model.put("queries", List.of(query.shown("The search" + (q.isEmpty() ? "" : " for these words"))));
            Templates.send(resp, "search", model);
        }
    }

    /**
     * The facets of the results: their kinds, the categories and years of the papers among them; each value with its
     * count and the link that chooses it (or, when chosen, removes it).
     */
    static List<Map<String, Object>> facets(
            List<Map<String, Object>> hits,
            Map<String, List<Map<String, Object>>> paperRows,
            PaperFilters filters,
            String q,
            String kind) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (String k : KINDS) kinds.put(k, 0);
        Map<String, String> categoryLabels = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        Map<String, Integer> years = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Map<String, Object> hit : hits) {
            kinds.merge(String.valueOf(hit.get("kind")), 1, Integer::sum);
            if (!"paper".equals(hit.get("kind"))) continue;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Map<String, Object> r : paperRows.getOrDefault(String.valueOf(hit.get("resource")), List.of())) {
                String c = String.valueOf(r.get("category"));
                String slug = c.substring(c.lastIndexOf('/') + 1);
                if (r.get("category") != null && seen.add(slug)) {
                    categories.merge(slug, 1, Integer::sum);
                    categoryLabels.put(slug, String.valueOf(r.get("categoryLabel")));
                }
                if (r.get("year") != null && seen.add("year " + r.get("year")))
                    years.merge(String.valueOf(r.get("year")), 1, Integer::sum);
            }
        }
        Map<String, String> base = q.isEmpty() ? new HashMap<>() : new HashMap<>(Map.of("q", q));
        List<Map<String, Object>> facets = new ArrayList<>();
        List<Map<String, Object>> kindValues = new ArrayList<>();
        kinds.forEach((k, n) -> {
            if (n > 0 || k.equals(kind))
                kindValues.add(
                        value(k, k, n, k.equals(kind), withKind(filters.query(base), k.equals(kind) ? null : k)));
        });
        facets.add(Map.of("name", "kind", "label", "Kind", "values", kindValues));
        List<Map<String, Object>> categoryValues = new ArrayList<>();
        categories.forEach((slug, n) -> {
            boolean chosen = slug.equals(filters.chosen().get("category"));
            Map<String, String> change = new HashMap<>(base);
            change.put("category", chosen ? null : slug);
            categoryValues.add(value(slug, categoryLabels.get(slug), n, chosen, withKind(filters.query(change), kind)));
        });
        facets.add(Map.of("name", "category", "label", "Category", "values", categoryValues));
        List<Map<String, Object>> yearValues = new ArrayList<>();
        years.forEach((y, n) -> {
            boolean chosen = y.equals(filters.chosen().get("year"));
            Map<String, String> change = new HashMap<>(base);
            change.put("year", chosen ? null : y);
            yearValues.add(value(y, y, n, chosen, withKind(filters.query(change), kind)));
        });
        facets.add(Map.of("name", "year", "label", "Year", "values", yearValues));
        return facets;
    }

    private static Map<String, Object> value(String value, String label, int count, boolean chosen, String href) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value);
        v.put("label", label);
        v.put("count", count);
        v.put("chosen", chosen);
        v.put("href", "/search" + href);
        return v;
    }

    private static String withKind(String query, String kind) {
        if (kind == null) return query;
        return query + (query.isEmpty() ? "?" : "&") + "kind=" + kind;
    }

    /** The rows with their snippets unmarked, for CSV and JSON. */
    static Table plain(Table t) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            if (row.get("snippet") != null)
                row.put(
                        "snippet",
                        row.get("snippet").toString().replace(MARK_START, "").replace(MARK_END, ""));
            rows.add(row);
        }
        return new Table(t.columns(), rows);
    }

    /** A marked snippet as parts {text, mark}: the template writes each part escaped, marked ones in {@code <mark>}. */
    static List<Map<String, Object>> parts(String snippet) {
        List<Map<String, Object>> parts = new ArrayList<>();
        int i = 0;
        while (i < snippet.length()) {
            int s = snippet.indexOf(MARK_START, i);
            int e = s < 0 ? -1 : snippet.indexOf(MARK_END, s + MARK_START.length());
            if (s < 0 || e < 0) {
                parts.add(Map.of("text", snippet.substring(i), "mark", false));
                break;
            }
            if (s > i) parts.add(Map.of("text", snippet.substring(i, s), "mark", false));
            parts.add(Map.of("text", snippet.substring(s + MARK_START.length(), e), "mark", true));
            i = e + MARK_END.length();
        }
        return parts;
    }

    /** The request without its {@code q}: on the search page, {@code q} is what is searched, not a paper filter. */
    private static final class WithoutQ extends jakarta.servlet.http.HttpServletRequestWrapper {
        WithoutQ(HttpServletRequest req) {
            super(req);
        }

        @Override
        public String getParameter(String name) {
            return name.equals("q") ? null : super.getParameter(name);
        }
    }
}
