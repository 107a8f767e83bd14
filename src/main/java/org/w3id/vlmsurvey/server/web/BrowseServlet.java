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
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.export.BibTeX;
import org.w3id.vlmsurvey.export.RIS;
import org.w3id.vlmsurvey.graph.Surveys;
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
    public static final List<String> PAGES =
            List.of("papers", "datasets", "categories", "venues", Endpoints.SURVEYS.substring(1));
    private static final Pattern PATH = Pattern.compile("/(" + String.join("|", PAGES) + ")(?:\\.(csv|json|bib|ris))?");
    /** The citation formats, of the papers only. */
    private static final java.util.Set<String> CITATIONS = java.util.Set.of("bib", "ris");
    /** The media type of each suffix. */
    private static final Map<String, String> EXTENSIONS =
            Map.of("csv", Negotiation.CSV, "json", Negotiation.JSON, "bib", Negotiation.BIBTEX, "ris", RIS.MEDIA_TYPE);

    private static final Map<String, String> TITLES = Map.of(
            "papers",
            "Papers",
            "datasets",
            "Datasets",
            "categories",
            "Method categories",
            "venues",
            "Venues",
            Endpoints.SURVEYS.substring(1),
            "Surveys");

    private final transient SurveyStore store;

    /** The paths this servlet answers: each page, with {@code .csv} and {@code .json}, and {@code /papers.bib}. */
    public static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (String p : PAGES) for (String ext : List.of("", ".csv", ".json")) paths.add("/" + p + ext);
        paths.add("/papers.bib");
        paths.add("/papers.ris");
        return paths;
    }

    public BrowseServlet(SurveyStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Matcher m = PATH.matcher(path);
        if (!m.matches()
                || (m.group(2) != null
                        && CITATIONS.contains(m.group(2))
                        && !m.group(1).equals("papers"))) {
            ErrorPage.send(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path);
            return;
        }
        String page = m.group(1);
        ShownVersion shown = ShownVersion.of(req, store);
        DatasetGraph dsg = shown.dataset();
        String type = m.group(2) == null
                ? page.equals("papers") ? Negotiation.choosePapers(req) : Negotiation.chooseTable(req)
                : EXTENSIONS.get(m.group(2));
        if (type == null) {
            Negotiation.text(
                    resp,
                    HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "Not acceptable: this page is available as text/html, text/csv and application/json (or ?format=html|csv|json)"
                            + (page.equals("papers")
                                    ? "; the papers also as " + Negotiation.BIBTEX + " and " + RIS.MEDIA_TYPE
                                            + " (or ?format=bib|ris)"
                                    : "")
                            + "\n");
            return;
        }
        Table table = PageQuery.of(page).run(dsg);
        PaperFilters filters = null;
        Table categories = null;
        if (page.equals("papers")) {
            categories = PageQuery.of("categories").run(dsg);
            filters = PaperFilters.of(req, dsg, table, categories);
        }
        String file = filters == null || filters.none() ? page : "papers-filtered";
        if (type.equals(Negotiation.BIBTEX) || type.equals(RIS.MEDIA_TYPE)) {
            java.util.Set<String> listed = filters.papers(table);
            boolean bib = type.equals(Negotiation.BIBTEX);
            resp.setHeader("Content-Disposition", "inline; filename=\"" + file + (bib ? ".bib" : ".ris") + "\"");
            Negotiation.send(
                    resp,
                    type,
                    bib
                            ? BibTeX.write(Citations.entries(dsg, listed::contains))
                            : RIS.write(Citations.records(dsg, listed::contains)));
        } else if (type.equals(Negotiation.CSV)) {
            resp.setHeader("Content-Disposition", "inline; filename=\"" + file + ".csv\"");
            Negotiation.send(resp, Negotiation.CSV, (filters == null ? table : filters.rows(table)).csv());
        } else if (type.equals(Negotiation.JSON)) {
            Negotiation.send(
                    resp,
                    Negotiation.JSON,
                    (filters == null ? table : filters.rows(table)).json().toString());
        } else {
            Map<String, Object> model = new HashMap<>();
            model.put("section", page);
            model.put("version", shown.model());
            model.put("title", TITLES.get(page));
            model.put("rows", table.rows());
            model.put("page", page);
            model.put("filterQuery", "");
            List<Map<String, String>> queries = new ArrayList<>();
            queries.add(PageQuery.of(page).shown(TITLES.get(page)));
            switch (page) {
                case "papers" -> papers(req, dsg, filters, categories, table, model, queries);
                case "datasets" -> DatasetFilters.apply(req, table.rows(), model);
                case "categories" -> model.put("rows", withDepth(table));
                case "surveys" -> model.put("rows", withKeys(table));
                default -> {}
            }
            model.put("queries", queries);
            Templates.send(resp, page, model);
        }
    }

    /**
     * The papers page: the filter choices, and every row, marked shown or not by the filters of the request (so
     * that filtering works without JavaScript, and the script can show any row again); a row the search text
     * ({@code q}) does not find is marked so, and the script keeps it hidden.
     */
    private static void papers(
            HttpServletRequest req,
            DatasetGraph dsg,
            PaperFilters filters,
            Table categories,
            Table table,
            Map<String, Object> model,
            List<Map<String, String>> queries) {
        queries.add(PageQuery.of("categories").shown("Method categories (the category filter)"));
        model.put("categories", withDepth(categories));
        model.put("venues", PaperFilters.venues(table));
        model.put("years", PaperFilters.years(table));
        model.put("chosen", filters.chosen());
        model.put("q", filters.q());
        model.put("filterQuery", filters.query());
        Table surveys = PageQuery.of("surveys").run(dsg);
        model.put("surveys", withKeys(surveys));
        Map<String, List<String>> listedBy = listedBy(dsg, surveys);
        if (listedBy != null)
            queries.add(PageQuery.of(SURVEY_PAPERS).shown("The surveys that list each paper (the survey filter)"));
        // one survey (or none): every paper is that survey's; the page does not show it (no survey filter)
        String only = surveys.rows().size() == 1
                ? PageParameters.surveyKey(String.valueOf(surveys.rows().get(0).get("survey")))
                : "";
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            // a row of a category is in that category's survey; a row without one, in every survey listing the paper
            String of = r.get("category") == null
                    ? null
                    : Surveys.surveyOf(r.get("category").toString());
            row.put(
                    "surveys",
                    of != null
                            ? PageParameters.surveyKey(of)
                            : listedBy == null
                                    ? only
                                    : String.join(
                                            " ", listedBy.getOrDefault(String.valueOf(r.get("paper")), List.of())));
            boolean keep = filters.keeps(r);
            row.put("shown", keep);
            row.put(
                    "searched",
                    filters.matches() == null || filters.matches().contains(String.valueOf(r.get("paper"))));
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

    /** The query of the surveys that list each paper. */
    static final String SURVEY_PAPERS = "survey-papers";

    /**
     * The keys of the surveys that list each paper (by the paper's IRI), from {@code survey-papers.rq}, when several
     * surveys are served ({@code surveys}, the rows of {@code surveys.rq}); null with one survey or none, without
     * asking: the survey filter, the only use of it, is then not shown.
     */
    static Map<String, List<String>> listedBy(DatasetGraph dsg, Table surveys) {
        if (surveys.rows().size() <= 1) return null;
        Map<String, List<String>> listedBy = new HashMap<>();
        for (Map<String, Object> r : PageQuery.of(SURVEY_PAPERS).run(dsg).rows())
            listedBy.computeIfAbsent(r.get("paper").toString(), k -> new ArrayList<>())
                    .add(PageParameters.surveyKey(r.get("survey").toString()));
        return listedBy;
    }

    /** The rows of {@code surveys.rq} with each survey's key, the value of the papers page's survey filter. */
    static List<Map<String, Object>> withKeys(Table surveys) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : surveys.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("key", PageParameters.surveyKey(String.valueOf(r.get("survey"))));
            rows.add(row);
        }
        return rows;
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
}
