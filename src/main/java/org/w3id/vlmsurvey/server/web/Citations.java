package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.export.BibTeX;
import org.w3id.vlmsurvey.export.RIS;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Citations of the survey's papers, from the page queries {@code bibtex.rq} (what the survey says of each paper) and
 * {@code paper-authors.rq} (authors and abstract, where {@code link --metadata} found them), as BibTeX and RIS.
 * BibTeX: {@code @inproceedings} for a conference or workshop paper, {@code @article} for a journal or an arXiv
 * preprint, {@code @misc} without a venue; arXiv papers also carry {@code eprint} and {@code archivePrefix}. RIS:
 * {@code CPAPER}, {@code JOUR} or {@code GEN} likewise. Citation keys are {@link BibTeX#keys} over all the papers of
 * the graph, so a paper has the same key alone and in a list (and the RIS record carries it as {@code ID}).
 */
public final class Citations {
    static final String QUERY = "bibtex";
    static final String AUTHORS = "paper-authors";

    private Citations() {}

    /**
     * One paper to cite: the row of {@code bibtex.rq}, its authors in order (as "Family, Given", as written:
     * {@code names}, and the IRI of each, for its page: {@code people}, an entry null for an author that has none
     * under the survey's IRIs), abstract and key.
     */
    record Cited(
            Map<String, Object> row,
            List<String> authors,
            List<String> names,
            List<String> people,
            String abstractText,
            String key) {
        String s(String column) {
            Object v = row.get(column);
            return v == null ? null : v.toString();
        }
    }

    /** The papers {@code include} accepts (by IRI), in the survey's order, each with its key. */
    static List<Cited> cited(DatasetGraph dataset, Predicate<String> include) {
        return cited(PageQuery.of(QUERY).run(dataset), PageQuery.of(AUTHORS).run(dataset), include);
    }

    static List<Cited> cited(Table table, Table authorRows, Predicate<String> include) {
        Map<String, List<String>> authors = new LinkedHashMap<>(),
                names = new LinkedHashMap<>(),
                people = new LinkedHashMap<>();
        Map<String, String> families = new LinkedHashMap<>();
        Map<String, String> abstracts = new LinkedHashMap<>();
        for (Map<String, Object> r : authorRows.rows()) {
            String paper = String.valueOf(r.get("paper"));
            if (r.get("abstract") != null)
                abstracts.putIfAbsent(paper, r.get("abstract").toString());
            if (r.get("name") == null) continue;
            String name = r.get("name").toString();
            String family = r.get("familyName") != null ? r.get("familyName").toString() : familyOf(name);
            String given = r.get("givenName") != null
                    ? r.get("givenName").toString()
                    : name.endsWith(family)
                            ? name.substring(0, name.length() - family.length()).strip()
                            : "";
            authors.computeIfAbsent(paper, p -> new ArrayList<>())
                    .add(given.isEmpty() ? family : family + ", " + given);
            names.computeIfAbsent(paper, p -> new ArrayList<>()).add(name);
            Object person = r.get("author");
            people.computeIfAbsent(paper, p -> new ArrayList<>())
                    .add(person != null && person.toString().startsWith(VLM.RES) ? person.toString() : null);
            families.putIfAbsent(paper, family);
        }
        List<BibTeX.KeySource> sources = new ArrayList<>();
        for (Map<String, Object> r : table.rows()) {
            String paper = String.valueOf(r.get("paper"));
            sources.add(
                    new BibTeX.KeySource(paper, families.get(paper), s(r, "year"), s(r, "title"), s(r, "shortName")));
        }
        Map<String, String> keys = BibTeX.keys(sources);
        List<Cited> cited = new ArrayList<>();
        for (Map<String, Object> r : table.rows()) {
            String paper = String.valueOf(r.get("paper"));
            if (include.test(paper))
                cited.add(new Cited(
                        r,
                        authors.getOrDefault(paper, List.of()),
                        names.getOrDefault(paper, List.of()),
                        people.getOrDefault(paper, List.of()),
                        abstracts.get(paper),
                        keys.get(paper)));
        }
        return cited;
    }

    /** The family name of a name written "Given Family": its last word. */
    static String familyOf(String name) {
        String n = name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? n : n.substring(space + 1);
    }

    /** The BibTeX entries of the papers {@code include} accepts (by IRI), in the survey's order. */
    public static List<BibTeX.Entry> entries(DatasetGraph dataset, Predicate<String> include) {
        return cited(dataset, include).stream().map(Citations::entry).toList();
    }

    /** The RIS records of the papers {@code include} accepts (by IRI), in the survey's order. */
    public static List<RIS.Record> records(DatasetGraph dataset, Predicate<String> include) {
        return cited(dataset, include).stream().map(Citations::record).toList();
    }

    static BibTeX.Entry entry(Cited c) {
        String kind = c.s("venueKind");
        String arxiv = c.s("arxiv");
        String venue = venue(c);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", c.s("title"));
        if (!c.authors().isEmpty()) f.put("author", String.join(" and ", c.authors()));
        String type;
        if ("Conference".equals(kind) || "Workshop".equals(kind)) {
            type = "inproceedings";
            String acronym = c.s("venueAcronym");
            f.put("booktitle", acronym != null && !acronym.equals(venue) ? venue + " (" + acronym + ")" : venue);
        } else if ("Journal".equals(kind)) {
            type = "article";
            f.put("journal", venue);
        } else if (arxiv != null) {
            type = "article";
            f.put("journal", "arXiv preprint arXiv:" + arxiv);
        } else {
            type = "misc";
            if (venue != null) f.put("howpublished", venue);
        }
        f.put("year", c.s("year"));
        if (arxiv != null) {
            f.put("eprint", arxiv);
            f.put("archivePrefix", "arXiv");
        }
        f.put("doi", c.s("doi"));
        f.put("url", url(c));
        f.put("abstract", c.abstractText());
        return new BibTeX.Entry(type, c.key(), f);
    }

    static RIS.Record record(Cited c) {
        String kind = c.s("venueKind");
        String arxiv = c.s("arxiv");
        String venue = venue(c);
        String type = "Conference".equals(kind) || "Workshop".equals(kind)
                ? "CPAPER"
                : "Journal".equals(kind) || arxiv != null ? "JOUR" : "GEN";
        RIS.Fields f = new RIS.Fields().add("ID", c.key()).add("TI", c.s("title"));
        for (String a : c.authors()) f.add("AU", a);
        f.add("PY", c.s("year"));
        if (type.equals("CPAPER")) f.add("T2", venue).add("C3", c.s("venueAcronym"));
        else if (type.equals("JOUR")) f.add("T2", arxiv != null && !"Journal".equals(kind) ? "arXiv" : venue);
        else f.add("PB", venue);
        f.add("ST", c.s("shortName"));
        f.add("AB", c.abstractText());
        f.add("DO", c.s("doi"));
        f.add("UR", url(c));
        if (arxiv != null) f.add("L1", "https://arxiv.org/pdf/" + arxiv);
        return new RIS.Record(type, f.list());
    }

    private static String venue(Cited c) {
        return c.s("venueName") != null ? c.s("venueName") : c.s("venueAcronym");
    }

    private static String url(Cited c) {
        return c.s("arxiv") != null ? "https://arxiv.org/abs/" + c.s("arxiv") : c.s("url");
    }

    private static String s(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
