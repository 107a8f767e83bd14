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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.NodeFactory;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.store.SurveyTextIndex;

/**
 * {@code /search?q=words}: the papers, datasets, categories, tasks, metrics and venues whose titles, short names,
 * labels or names match the words (full-text index, English stemming), best first, each with its kind, a snippet
 * with the matched words marked, and a link to its page; as HTML, CSV or JSON like the browse pages
 * ({@code ?format=}, {@code Accept}, or {@code /search.csv} / {@code /search.json}). The query is
 * {@code queries/pages/search.rq}, its {@code ?q} bound to the words with Lucene's syntax characters escaped, so
 * that any text is searched for as words and none is a syntax error. Text longer than {@value #MAX_LENGTH}
 * characters is refused (400).
 */
public final class SearchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final int MAX_LENGTH = 200;
    static final String QUERY = "search";
    private static final Pattern PATH = Pattern.compile("/search(?:\\.(csv|json))?");
    /** The markers the text index puts around matched words (jena-text's default highlighting). */
    static final String MARK_START = "↦", MARK_END = "↤";

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
        String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
        if (q.length() > MAX_LENGTH) {
            Negotiation.text(
                    resp,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "Bad request: the search text has " + q.length() + " characters; at most " + MAX_LENGTH
                            + " are searched for\n");
            return;
        }
        ShownVersion shown = ShownVersion.of(req, store);
        PageQuery query = query(q);
        Table hits = q.isEmpty()
                ? new Table(List.of("resource", "kind", "label", "snippet", "score"), List.of())
                : query.run(shown.dataset());
        if (type.equals(Negotiation.CSV)) {
            resp.setHeader("Content-Disposition", "inline; filename=\"search.csv\"");
            Negotiation.send(resp, Negotiation.CSV, plain(hits).csv());
        } else if (type.equals(Negotiation.JSON)) {
            Negotiation.send(resp, Negotiation.JSON, plain(hits).json().toString());
        } else {
            Map<String, Object> model = new HashMap<>();
            model.put("section", "search");
            model.put("version", shown.model());
            model.put("q", q);
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

    /** The search query with {@code ?q} bound to the words of {@code q} (a placeholder when there are none). */
    static PageQuery query(String q) {
        PageQuery query = PageQuery.of(QUERY);
        return q.isEmpty() ? query : query.bind("q", NodeFactory.createLiteralString(SurveyTextIndex.words(q)));
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
}
