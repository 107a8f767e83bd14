package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * {@code /charts}: the field at a glance, drawn in the browser (static/charts.js, Apache ECharts vendored) from the
 * answers of {@code queries/pages/chart-*.rq} on this server's endpoint. The page carries each query's text and its
 * link to the query page; the server runs nothing for it. For an older version ({@code ?version=}) each query reads
 * that version's graph ({@code FROM}).
 */
public final class ChartsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /**
     * A chart: its element id, title, one-line description, query name (queries/pages/NAME.rq), kind (charts.js) and
     * where a click on a bar leads: a path whose {@code {name}} are filled from the bar's row (the query's
     * variables; a parameter left empty, as for "other", is dropped).
     */
    record Chart(String id, String title, String description, String query, String kind, String click) {}

    static final List<Chart> CHARTS = List.of(
            new Chart(
                    "papers-per-year",
                    "Papers per year, by method category",
                    "Surveyed papers by publication year, stacked by category (a paper under two categories counts in both).",
                    "chart-papers-per-year",
                    "pivot",
                    "/papers?year={year}&category={linkCategory}"),
            new Chart(
                    "papers-per-venue",
                    "Papers per venue",
                    "How many surveyed papers each venue published (arXiv for papers not published elsewhere).",
                    "chart-papers-per-venue",
                    "columns",
                    "/papers?venue={venue}"),
            new Chart(
                    "code-per-category",
                    "Code availability per category",
                    "Papers of each method category with their code released, not public, or not listed in the survey.",
                    "chart-code-per-category",
                    "columns",
                    "/papers?category={linkCategory}"),
            new Chart(
                    "pretraining-sizes",
                    "Pre-training dataset sizes",
                    "Image-text pairs in each pre-training dataset, on a logarithmic scale.",
                    "chart-pretraining-sizes",
                    "columns-log",
                    "{linkDataset}"));

    private final transient SurveyStore store;

    public ChartsServlet(SurveyStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ShownVersion version = ShownVersion.of(req, store);
        List<Map<String, String>> charts = new ArrayList<>();
        for (Chart c : CHARTS) {
            PageQuery q = PageQuery.of(c.query());
            // an older version: the endpoint's default graph is the newest, so the query reads that version's graph
            if (!version.newest()) q = q.from(version.version().iri());
            Map<String, String> shown = q.shown(c.title());
            charts.add(Map.of(
                    "click",
                    c.click(),
                    "id",
                    c.id(),
                    "title",
                    c.title(),
                    "description",
                    c.description(),
                    "kind",
                    c.kind(),
                    "query",
                    q.text(),
                    "link",
                    shown.get("link"),
                    "file",
                    shown.get("file")));
        }
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("section", "charts");
        model.put("charts", charts);
        model.put("version", version.model());
        Templates.send(resp, "charts", model);
    }
}
