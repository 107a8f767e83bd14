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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.export.BibTeX;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * The browse pages {@code /papers}, {@code /datasets}, {@code /categories} and {@code /venues}: each is the
 * answer of {@code queries/pages/NAME.rq} as HTML, CSV or JSON (by {@code Accept}, {@code ?format=} or the
 * {@code .csv} / {@code .json} suffix), and {@code /papers.bib} the BibTeX of all papers or, with
 * {@code ?category=}, of a category with its sub-categories. Every parameter is checked against the values it may
 * take ({@link PageParameters}): a malformed one answers 400, an unknown one 404.
 */
public final class BrowseServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final List<String> PAGES = List.of("papers", "datasets", "categories", "venues");
    private static final Pattern PATH = Pattern.compile("/(papers|datasets|categories|venues)(?:\\.(csv|json|bib))?");
    private static final Map<String, String> TITLES =
            Map.of("papers", "Papers", "datasets", "Datasets", "categories", "Method categories", "venues", "Venues");

    private final transient SurveyStore store;

    /** The paths this servlet answers: each page, with {@code .csv} and {@code .json}, and {@code /papers.bib}. */
    public static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (String p : PAGES) for (String ext : List.of("", ".csv", ".json")) paths.add("/" + p + ext);
        paths.add("/papers.bib");
        return paths;
    }

    public BrowseServlet(SurveyStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Matcher m = PATH.matcher(path);
        if (!m.matches() || ("bib".equals(m.group(2)) && !m.group(1).equals("papers"))) {
            ErrorPage.send(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path);
            return;
        }
        String page = m.group(1);
        DatasetGraph dsg = store.dataset();
        if ("bib".equals(m.group(2))) {
            bib(req, resp, dsg);
            return;
        }
        String type = m.group(2) == null
                ? Negotiation.chooseTable(req)
                : m.group(2).equals("csv") ? Negotiation.CSV : Negotiation.JSON;
        if (type == null) {
            Negotiation.text(
                    resp,
                    HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "Not acceptable: this page is available as text/html, text/csv and application/json (or ?format=html|csv|json)\n");
            return;
        }
        Table table = PageQuery.of(page).run(dsg);
        if (type.equals(Negotiation.CSV)) {
            resp.setHeader("Content-Disposition", "inline; filename=\"" + page + ".csv\"");
            Negotiation.send(resp, Negotiation.CSV, table.csv());
        } else if (type.equals(Negotiation.JSON)) {
            Negotiation.send(resp, Negotiation.JSON, table.json().toString());
        } else {
            Map<String, Object> model = new HashMap<>();
            model.put("section", page);
            model.put("title", TITLES.get(page));
            model.put("rows", table.rows());
            model.put("page", page);
            List<Map<String, String>> queries = new ArrayList<>();
            queries.add(PageQuery.of(page).shown(TITLES.get(page)));
            switch (page) {
                case "papers" -> papers(req, dsg, table, model, queries);
                case "datasets" -> DatasetFilters.apply(req, table.rows(), model);
                case "categories" -> model.put("rows", withDepth(table));
                default -> {}
            }
            model.put("queries", queries);
            Templates.send(resp, page, model);
        }
    }

    /**
     * The papers page: the filter choices, and every row, marked shown or not by the filters of the request (so
     * that filtering works without JavaScript, and the script can show any row again).
     */
    private static void papers(
            HttpServletRequest req,
            DatasetGraph dsg,
            Table table,
            Map<String, Object> model,
            List<Map<String, String>> queries) {
        PageQuery cq = PageQuery.of("categories");
        Table categories = cq.run(dsg);
        queries.add(cq.shown("Method categories (the category filter)"));
        model.put("categories", withDepth(categories));
        Set<String> venues = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> years = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Map<String, Object> r : table.rows()) {
            if (r.get("venueLabel") != null) venues.add(r.get("venueLabel").toString());
            if (r.get("year") != null) years.add(r.get("year").toString());
        }
        model.put("venues", venues);
        model.put("years", years);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String f : List.of("category", "venue", "year", "code")) {
            String v = req.getParameter(f);
            if (v == null || v.isBlank()) continue;
            chosen.put(
                    f,
                    switch (f) {
                        case "category" -> PageParameters.categorySlug(v, slugs(categories));
                        case "venue" -> PageParameters.venue(v, venues);
                        case "year" -> PageParameters.year(v, years);
                        default -> PageParameters.code(v);
                    });
        }
        model.put("chosen", chosen);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("shown", keeps(chosen, r));
            rows.add(row);
        }
        String sort = req.getParameter("sort");
        if (sort != null && !sort.isBlank()) {
            sort = PageParameters.sort(sort, PaperRows.SORTS.keySet());
            model.put("sort", sort);
        }
        List<Map<String, Object>> papers =
                PaperRows.sorted(PaperRows.onePerPaper(rows), model.containsKey("sort") ? sort : null);
        model.put("rows", papers);
        model.put(
                "shown",
                papers.stream().filter(r -> Boolean.TRUE.equals(r.get("shown"))).count());
        model.put("total", papers.size());
    }

    /** Whether a row of {@code papers.rq} passes the filters; the page's script applies the same rules. */
    static boolean keeps(Map<String, String> chosen, Map<String, Object> row) {
        String category = chosen.get("category");
        if (category != null
                && !List.of(String.valueOf(row.get("categoryPath")).split(" ")).contains(category)) return false;
        if (chosen.containsKey("venue") && !chosen.get("venue").equals(row.get("venueLabel"))) return false;
        if (chosen.containsKey("year") && !chosen.get("year").equals(String.valueOf(row.get("year")))) return false;
        return !chosen.containsKey("code") || row.get("code") != null;
    }

    /** The rows of {@code categories.rq} with their depth in the tree (0 at the top), from their {@code broader}. */
    static List<Map<String, Object>> withDepth(Table categories) {
        Map<String, String> broader = new HashMap<>();
        for (Map<String, Object> r : categories.rows())
            if (r.get("broader") != null)
                broader.put(r.get("category").toString(), r.get("broader").toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : categories.rows()) {
            int depth = 0;
            for (String c = r.get("category").toString(); broader.containsKey(c) && depth < 64; c = broader.get(c))
                depth++;
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("depth", depth);
            rows.add(row);
        }
        return rows;
    }

    /** The slugs of the survey's categories (the rows of {@code categories.rq}). */
    static Set<String> slugs(Table categories) {
        Set<String> slugs = new TreeSet<>();
        String prefix = PageParameters.categoryIri("");
        for (Map<String, Object> r : categories.rows()) {
            String iri = String.valueOf(r.get("category"));
            if (iri.startsWith(prefix)) slugs.add(iri.substring(prefix.length()));
        }
        return slugs;
    }

    private static void bib(HttpServletRequest req, HttpServletResponse resp, DatasetGraph dsg) throws IOException {
        String category = req.getParameter("category");
        Predicate<String> include = p -> true;
        String file = "papers";
        if (category != null && !category.isBlank()) {
            String slug = PageParameters.categorySlug(
                    category, slugs(PageQuery.of("categories").run(dsg)));
            PageQuery q = PageQuery.of("category-papers")
                    .bind("this", NodeFactory.createURI(PageParameters.categoryIri(slug)));
            Set<String> papers = new TreeSet<>();
            for (Map<String, Object> r : q.run(dsg).rows())
                papers.add(r.get("paper").toString());
            include = papers::contains;
            file = slug;
        }
        List<BibTeX.Entry> entries = Citations.entries(dsg, include);
        resp.setHeader(
                "Content-Disposition", "inline; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + ".bib\"");
        Negotiation.send(resp, Negotiation.BIBTEX, BibTeX.write(entries));
    }
}
