package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.export.BibTeX;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The pages of papers, datasets, method categories, venues and authors (the {@code schema:Person}s of
 * {@code metadata.ttl}), built for their readers from the page queries of {@code queries/pages/} and the templates
 * {@code paper}, {@code dataset}, {@code category}, {@code venue} and {@code author}. Each page also lists every statement about its resource (folded), and the queries it ran.
 */
public final class ResourcePages {
    private ResourcePages() {}

    /** The page of the survey resource {@code iri}, or null if it is none of the five kinds (or unknown). */
    public static String html(DatasetGraph dsg, String iri) {
        return html(dsg, dsg, iri, null, null);
    }

    /** As {@link #html(DatasetGraph, String)}, with the source served (for the links to its lines on GitHub). */
    public static String html(DatasetGraph dsg, String iri, org.w3id.vlmsurvey.server.store.SurveyStore.Loaded loaded) {
        return html(dsg, dsg, iri, null, loaded);
    }

    /**
     * The page of {@code iri} as a version of the survey ({@code dsg}) shows it, its history read from {@code history}
     * (the served dataset, with every version's graph), {@code version} the model of {@code version.peb}, and
     * {@code loaded} the source served (for the links to its lines on GitHub).
     */
    public static String html(
            DatasetGraph dsg,
            DatasetGraph history,
            String iri,
            Map<String, Object> version,
            org.w3id.vlmsurvey.server.store.SurveyStore.Loaded loaded) {
        if (!iri.startsWith(VLM.RES)) return null;
        String local = iri.substring(VLM.RES.length());
        Node node = NodeFactory.createURI(iri);
        Map<String, Object> model;
        String template = null;
        if (local.startsWith("paper/")) {
            model = paper(dsg, history, iri, node);
            if (model != null) neighbours(dsg, node, model, loaded, version);
            template = "paper";
        } else if (local.startsWith("dataset/")) {
            model = dataset(dsg, iri);
            if (model != null) {
                List<Map<String, String>> queries = new ArrayList<>(castQueries(model.get("queries")));
                model.putAll(history(history, node, queries));
                model.put("queries", queries);
            }
            template = "dataset";
        } else if (local.startsWith("category/") || local.matches("survey/[^/]+/category/.+")) {
            // the bundled survey's categories, or another survey's (several surveys in one graph)
            model = category(dsg, iri, node);
            template = "category";
        } else if (local.startsWith("venue/")) {
            model = venue(dsg, iri, node);
            template = "venue";
        } else model = null;
        if (model == null) {
            // an author (metadata.ttl, link --metadata): PAPER-author-N, so under paper/, but no paper
            model = author(dsg, iri, node);
            template = "author";
        }
        if (model == null) return null;
        Graph d = Txn.calculateRead(dsg, () -> ResourceDescription.describe(dsg.getDefaultGraph(), iri));
        if (d != null) model.putAll(ResourceDescription.statements(d, iri));
        model.put("iri", iri);
        model.put("self", Html.href(iri));
        model.put("version", version);
        return Templates.render(template, model);
    }

    static Map<String, Object> paper(DatasetGraph dsg, DatasetGraph historyDsg, String iri, Node node) {
        PageQuery pq = PageQuery.of("paper").bind("this", node);
        Map<String, Object> p = pq.run(dsg).first();
        if (p == null) return null;
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(pq.shown("The paper"));
        Map<String, Object> paper = new LinkedHashMap<>(p);
        List<String> codes = words(p.get("code"));
        paper.put("codes", codes);
        paper.put("projectPages", words(p.get("projectPage")));
        if (p.get("arxiv") != null) paper.put("abs", "https://arxiv.org/abs/" + p.get("arxiv"));
        if (p.get("doi") != null) {
            paper.put("doiUrl", "https://doi.org/" + p.get("doi"));
            // arXiv's own DOI (10.48550/arXiv.ID) is not the publisher's
            paper.put(
                    "doiLabel",
                    p.get("doi").toString().toLowerCase(java.util.Locale.ROOT).startsWith("10.48550/arxiv.")
                            ? "arXiv DOI"
                            : "Publisher DOI");
        }

        PageQuery cq = PageQuery.of("paper-categories").bind("this", node);
        queries.add(cq.shown("Its categories"));
        List<List<Map<String, Object>>> breadcrumbs = new ArrayList<>();
        for (Map<String, Object> c : cq.run(dsg).rows()) {
            PageQuery path = PageQuery.of("category-path")
                    .bind("this", NodeFactory.createURI(c.get("category").toString()));
            queries.add(path.shown("The path to " + c.get("label")));
            breadcrumbs.add(path.run(dsg).rows());
        }
        // with several surveys in the graph, every listing of the paper: its survey and category in each
        PageQuery lq = PageQuery.of("paper-surveys").bind("this", node);
        List<Map<String, Object>> listings = lq.run(dsg).rows();
        if (listings.stream().noneMatch(l -> l.get("surveyTitle") != null)) listings = List.of();
        else queries.add(lq.shown("The surveys that list it"));
        PageQuery dq = PageQuery.of("paper-datasets").bind("this", node);
        queries.add(dq.shown("The datasets it introduced"));
        PageQuery sq = PageQuery.of("paper-shared-code").bind("this", node);
        queries.add(sq.shown("The papers sharing its code"));
        Map<String, Object> history = history(historyDsg, node, queries);
        List<Citations.Cited> cited = Citations.cited(dsg, iri::equals);
        List<BibTeX.Entry> entries = cited.stream().map(Citations::entry).toList();
        queries.add(PageQuery.of(Citations.QUERY).shown("Its BibTeX"));
        queries.add(
                PageQuery.of(Citations.AUTHORS).shown("Its authors and abstract (when link --metadata found them)"));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("section", "papers");
        model.put("paper", paper);
        model.put("breadcrumbs", breadcrumbs);
        model.put("listings", listings);
        model.put("datasets", dq.run(dsg).rows());
        model.put("sharedCode", sq.run(dsg).rows());
        model.putAll(history);
        model.put("bibtex", entries.isEmpty() ? null : BibTeX.write(entries.get(0)));
        model.put("bibHref", Html.href(iri) + ".bib");
        List<Map<String, String>> meta = citationMeta(paper, iri);
        if (!cited.isEmpty()) { // Google Scholar: one citation_author per author, in order, after the title
            List<String> authors = cited.get(0).authors();
            for (int i = 0; i < authors.size(); i++)
                meta.add(1 + i, Map.of("name", "citation_author", "content", authors.get(i)));
        }
        model.put("meta", meta);
        List<String> names = cited.isEmpty() ? List.of() : cited.get(0).names();
        String abstractText = cited.isEmpty() ? null : cited.get(0).abstractText();
        List<Map<String, String>> authors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("name", names.get(i));
            a.put("iri", cited.get(0).people().get(i));
            authors.add(a);
        }
        model.put("authors", authors);
        model.put("abstract", abstractText);
        model.put("jsonLd", script(SchemaOrg.paper(paper, codes, iri, breadcrumbs, authors, abstractText)));
        model.put("queries", new ArrayList<>(queries));
        return model;
    }

    /**
     * The curation history of a paper or dataset ({@code curation-history.peb}): {@code history}, the versions worth
     * showing, each linked to its version's page, and {@code lastListing}, the last version that listed it when the
     * newest does not. Read from {@code historyDsg}, the served dataset with every version's graph.
     */
    static Map<String, Object> history(DatasetGraph historyDsg, Node node, List<Map<String, String>> queries) {
        PageQuery hq = PageQuery.of("paper-history")
                .bind("this", node)
                .bind("firstSurvey", NodeFactory.createURI(org.w3id.vlmsurvey.graph.Surveys.FIRST));
        List<Map<String, Object>> versions = hq.run(historyDsg).rows().stream()
                .map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>(r);
                    if (r.get("sha") != null)
                        row.put("href", Endpoints.version(r.get("sha").toString()));
                    return row;
                })
                .toList();
        List<Map<String, Object>> history = changes(versions);
        boolean removed = !versions.isEmpty()
                && "true".equals(String.valueOf(versions.get(0).get("removedLater")));
        if (!history.isEmpty()) queries.add(hq.shown("Its history in the survey"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("history", history);
        model.put("lastListing", removed ? versions.get(versions.size() - 1) : null);
        return model;
    }

    /**
     * The paper's neighbours: the other papers of its categories in the survey's order ({@code others}), the one
     * before and after it ({@code previous}, {@code next}), and its line of the README on GitHub with a "report a
     * mistake" link when the commit read is known ({@link SourceLinks}).
     */
    @SuppressWarnings("unchecked")
    static void neighbours(
            DatasetGraph dsg,
            Node node,
            Map<String, Object> model,
            org.w3id.vlmsurvey.server.store.SurveyStore.Loaded loaded,
            Map<String, Object> shown) {
        PageQuery nq = PageQuery.of("paper-neighbours").bind("this", node);
        List<Map<String, Object>> others = nq.run(dsg).rows();
        ((List<Map<String, String>>) model.get("queries")).add(nq.shown("The other papers of its categories"));
        model.put("others", others);
        if (others.isEmpty()) return;
        long line = ((Number) others.get(0).get("ownLine")).longValue();
        Map<String, Object> previous = null, next = null;
        for (Map<String, Object> o : others) {
            long l = ((Number) o.get("line")).longValue();
            if (l < line) previous = o;
            else if (l > line && next == null) next = o;
        }
        model.put("previous", previous);
        model.put("next", next);
        // the lines are the shown version's: its commit (an older version's dataset describes every version, and of
        // several surveys' histories the newest version described may be another survey's)
        Map<String, Object> version =
                shown != null ? shown : PageQuery.of("home-version").run(dsg).first();
        String commit = SourceLinks.commit(loaded, version == null ? null : String.valueOf(version.get("commit")));
        if (commit != null) {
            String url = SourceLinks.line(commit, line);
            model.put("sourceLine", line);
            model.put("sourceUrl", url);
            model.put("sourceCommit", commit);
            model.put(
                    "reportUrl",
                    SourceLinks.reportMistake(
                            String.valueOf(((Map<String, Object>) model.get("paper")).get("title")), url));
        }
    }

    /**
     * The versions of a paper's history worth showing: the first that lists it, then each whose title, venue or year
     * differ from the version before. Rows are in date order, as the query gives them.
     */
    static List<Map<String, Object>> changes(List<Map<String, Object>> versions) {
        List<Map<String, Object>> shown = new ArrayList<>();
        List<Object> previous = null;
        for (Map<String, Object> v : versions) {
            List<Object> said = java.util.Arrays.asList(v.get("title"), v.get("venue"), v.get("year"));
            if (!said.equals(previous)) shown.add(new LinkedHashMap<>(v));
            previous = said;
        }
        return shown;
    }

    /** The {@code citation_*} meta tags Google Scholar and Zotero read, as name and content pairs. */
    static List<Map<String, String>> citationMeta(Map<String, Object> p, String iri) {
        List<Map<String, String>> meta = new ArrayList<>();
        meta(meta, "citation_title", p.get("title"));
        meta(meta, "citation_publication_date", p.get("year"));
        meta(meta, "citation_date", p.get("year"));
        String kind = String.valueOf(p.get("venueKind"));
        if (kind.equals("Conference") || kind.equals("Workshop"))
            meta(meta, "citation_conference_title", p.get("venueName"));
        else if (kind.equals("Journal")) meta(meta, "citation_journal_title", p.get("venueName"));
        if (kind.equals("Journal") || kind.equals("Conference") || kind.equals("Workshop"))
            meta(meta, "citation_journal_abbrev", p.get("venueAcronym"));
        meta(meta, "citation_arxiv_id", p.get("arxiv"));
        meta(meta, "citation_doi", p.get("doi"));
        meta(meta, "citation_pdf_url", p.get("pdf"));
        meta(meta, "citation_abstract_html_url", p.get("abs") != null ? p.get("abs") : p.get("url"));
        meta(meta, "citation_public_url", iri);
        return meta;
    }

    private static void meta(List<Map<String, String>> meta, String name, Object content) {
        if (content != null && !content.toString().isBlank())
            meta.add(Map.of("name", name, "content", content.toString()));
    }

    /**
     * JSON for inside a {@code <script>} element: every {@code <} written as {@code \u003c}, so no text can close
     * the element ({@code </script>}) or open a comment; the JSON means the same.
     */
    public static String script(JsonObject json) {
        return json.toString().replace("<", "\\u003c");
    }

    static Map<String, Object> dataset(DatasetGraph dsg, String iri) {
        PageQuery q = PageQuery.of("datasets");
        List<Map<String, Object>> rows = q.run(dsg).rows().stream()
                .filter(r -> iri.equals(r.get("dataset")))
                .toList();
        if (rows.isEmpty()) return null;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("section", "datasets");
        model.put("name", rows.get(0).get("name"));
        model.put("year", rows.get(0).get("year"));
        model.put("landingPage", rows.get(0).get("landingPage"));
        model.put("rows", rows);
        model.put("jsonLd", script(SchemaOrg.dataset(iri, rows)));
        model.put("queries", List.of(q.shown("The datasets")));
        return model;
    }

    static Map<String, Object> category(DatasetGraph dsg, String iri, Node node) {
        PageQuery q = PageQuery.of("categories");
        List<Map<String, Object>> all = BrowseServlet.withDepth(q.run(dsg));
        Map<String, Object> self = all.stream()
                .filter(r -> iri.equals(r.get("category")))
                .findFirst()
                .orElse(null);
        if (self == null) return null;
        PageQuery path = PageQuery.of("category-path").bind("this", node);
        PageQuery papers = PageQuery.of("category-papers").bind("this", node);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("section", "categories");
        model.put("category", self);
        model.put("path", path.run(dsg).rows());
        model.put(
                "children",
                all.stream().filter(r -> iri.equals(r.get("broader"))).toList());
        model.put("papers", papers.run(dsg).rows());
        model.put(
                "queries",
                List.of(
                        q.shown("The category tree"),
                        path.shown("The path to it"),
                        papers.shown("Its papers, sub-categories included")));
        return model;
    }

    /**
     * The page of an author, a {@code schema:Person} of {@code metadata.ttl} ({@code link --metadata}): their name and
     * their papers in the survey (by year, then title), or null when {@code node} is no person with a name.
     */
    static Map<String, Object> author(DatasetGraph dsg, String iri, Node node) {
        PageQuery q = PageQuery.of("author").bind("this", node);
        Map<String, Object> self = q.run(dsg).first();
        if (self == null) return null;
        PageQuery papers = PageQuery.of("author-papers").bind("this", node);
        List<Map<String, Object>> rows = papers.run(dsg).rows();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("section", "papers");
        model.put("name", self.get("name"));
        model.put("papers", rows);
        model.put("jsonLd", script(SchemaOrg.author(iri, String.valueOf(self.get("name")), rows)));
        model.put("queries", List.of(q.shown("The author"), papers.shown("Their papers")));
        return model;
    }

    static Map<String, Object> venue(DatasetGraph dsg, String iri, Node node) {
        PageQuery q = PageQuery.of("venues");
        Map<String, Object> self = q.run(dsg).rows().stream()
                .filter(r -> iri.equals(r.get("venue")))
                .findFirst()
                .orElse(null);
        if (self == null) return null;
        PageQuery papers = PageQuery.of("venue-papers").bind("this", node);
        Map<String, List<Map<String, Object>>> byYear = new LinkedHashMap<>();
        for (Map<String, Object> r : papers.run(dsg).rows())
            byYear.computeIfAbsent(String.valueOf(r.getOrDefault("year", "year unknown")), y -> new ArrayList<>())
                    .add(r);
        List<Map<String, Object>> years = new ArrayList<>();
        for (var e : byYear.entrySet()) years.add(Map.of("year", e.getKey(), "papers", e.getValue()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("section", "venues");
        model.put("venue", self);
        model.put("years", years);
        model.put("queries", List.of(q.shown("The venues"), papers.shown("Its papers")));
        return model;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> castQueries(Object queries) {
        return (List<Map<String, String>>) queries;
    }

    private static List<String> words(Object spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.toString().isBlank()) return List.of();
        return List.of(spaceSeparated.toString().strip().split("\\s+"));
    }
}
