package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The filters of the papers, read once from a request and shared by every way the papers are given: the page
 * {@code /papers}, its exports {@code .csv}, {@code .json}, {@code .bib} and {@code .ris}, and the paper results of
 * {@code /search}. The parameters are {@link #NAMES}: {@code category} (slug, {@code category/slug} or IRI;
 * sub-categories included), {@code venue} (acronym), {@code year}, {@code code=yes} and {@code q} (the words of the
 * search page, whose paper hits are kept), and {@code survey} (a survey's key, when several are served: its papers,
 * under its own categories). Each value is checked by {@link PageParameters} (400 or 404) before use.
 *
 * @param chosen  the checked values of category, venue, year and code, by name
 * @param q       the search text, or null
 * @param matches the papers (IRIs) the search text finds, or null without {@code q}
 * @param inSurvey the papers (IRIs) the survey of {@code survey} (several surveys served) lists, or null without it
 */
public record PaperFilters(Map<String, String> chosen, String q, Set<String> matches, Set<String> inSurvey) {
    /** The parameters, in the order they are written back into links. */
    public static final List<String> NAMES = List.of("category", "venue", "year", "code", "survey", "q");

    /**
     * The filters of {@code req}, checked against {@code papers} (the rows of {@code papers.rq}: venues and years
     * the survey has) and {@code categories} (the rows of {@code categories.rq}).
     */
    static PaperFilters of(HttpServletRequest req, DatasetGraph dsg, Table papers, Table categories) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String f : List.of("category", "venue", "year", "code")) {
            String v = req.getParameter(f);
            if (v == null || v.isBlank()) continue;
            chosen.put(
                    f,
                    switch (f) {
                        case "category" -> PageParameters.categorySlug(v, slugs(categories));
                        case "venue" -> PageParameters.venue(v, venues(papers));
                        case "year" -> PageParameters.year(v, years(papers));
                        default -> PageParameters.code(v);
                    });
        }
        Set<String> inSurvey = null;
        String survey = req.getParameter("survey");
        if (survey != null && !survey.isBlank()) {
            String iri = PageParameters.survey(
                    survey, surveyIris(PageQuery.of("surveys").run(dsg)));
            chosen.put("survey", PageParameters.surveyKey(iri));
            inSurvey = new LinkedHashSet<>();
            for (Map<String, Object> r : PageQuery.of("survey-papers")
                    .bind("survey", org.apache.jena.graph.NodeFactory.createURI(iri))
                    .run(dsg)
                    .rows()) inSurvey.add(r.get("paper").toString());
        }
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) return new PaperFilters(chosen, null, null, inSurvey);
        q = Search.checked(q);
        Set<String> matches = new LinkedHashSet<>();
        for (Map<String, Object> hit : Search.hits(dsg, q).rows())
            if ("paper".equals(hit.get("kind"))) matches.add(String.valueOf(hit.get("resource")));
        return new PaperFilters(chosen, q, matches, inSurvey);
    }

    /** The IRIs of the graph's surveys (the rows of {@code surveys.rq}). */
    static Set<String> surveyIris(Table surveys) {
        Set<String> iris = new TreeSet<>();
        for (Map<String, Object> r : surveys.rows()) iris.add(String.valueOf(r.get("survey")));
        return iris;
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

    /** The venue labels of the papers, sorted without regard to case. */
    static Set<String> venues(Table papers) {
        Set<String> venues = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Map<String, Object> r : papers.rows())
            if (r.get("venueLabel") != null) venues.add(r.get("venueLabel").toString());
        return venues;
    }

    /** The years of the papers, newest first. */
    static Set<String> years(Table papers) {
        Set<String> years = new TreeSet<>(Comparator.reverseOrder());
        for (Map<String, Object> r : papers.rows())
            if (r.get("year") != null) years.add(r.get("year").toString());
        return years;
    }

    /** Whether no filter is chosen. */
    boolean none() {
        return chosen.isEmpty() && q == null;
    }

    /** Whether a row of {@code papers.rq} passes the filters; the papers page's script applies the same rules. */
    boolean keeps(Map<String, Object> row) {
        String category = chosen.get("category");
        if (category != null
                && !List.of(String.valueOf(row.get("categoryPath")).split(" ")).contains(category)) return false;
        if (chosen.containsKey("venue") && !chosen.get("venue").equals(row.get("venueLabel"))) return false;
        if (chosen.containsKey("year") && !chosen.get("year").equals(String.valueOf(row.get("year")))) return false;
        if (chosen.containsKey("code") && row.get("code") == null) return false;
        if (inSurvey != null) {
            // a row of a category is in that category's survey; a row without one, in every survey listing the paper
            if (!inSurvey.contains(String.valueOf(row.get("paper")))) return false;
            Object c = row.get("category");
            if (c != null
                    && !PageParameters.surveyKey(org.w3id.vlmsurvey.graph.Surveys.surveyOf(c.toString()))
                            .equals(chosen.get("survey"))) return false;
        }
        return matches == null || matches.contains(String.valueOf(row.get("paper")));
    }

    /** The rows of {@code papers} that pass: the rows the papers page shows. */
    Table rows(Table papers) {
        return new Table(
                papers.columns(), papers.rows().stream().filter(this::keeps).toList());
    }

    /** The papers (IRIs) of the rows that pass, in the order of the rows. */
    Set<String> papers(Table papers) {
        Set<String> shown = new LinkedHashSet<>();
        for (Map<String, Object> r : rows(papers).rows()) shown.add(String.valueOf(r.get("paper")));
        return shown;
    }

    /** The chosen parameters as a URL query ({@code ?category=...&q=...}), or "" when none is. */
    String query() {
        return query(Map.of());
    }

    /** The chosen parameters with {@code changes} (a null value removes a parameter), as a URL query. */
    String query(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(chosen);
        if (q != null) all.put("q", q);
        changes.forEach((k, v) -> {
            if (v == null) all.remove(k);
            else all.put(k, v);
        });
        List<String> parts = new ArrayList<>();
        for (var e : all.entrySet())
            parts.add(e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
