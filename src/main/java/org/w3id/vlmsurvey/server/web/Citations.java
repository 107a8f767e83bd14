package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.export.BibTeX;

/**
 * BibTeX of the survey's papers, from the page query {@code bibtex.rq}: {@code @inproceedings} for a conference
 * or workshop paper, {@code @article} for a journal or an arXiv preprint, {@code @misc} without a venue; arXiv
 * papers also carry {@code eprint} and {@code archivePrefix}. Citation keys are {@link BibTeX#keys} over all
 * the papers of the graph, so a paper has the same key alone and in a list.
 */
public final class Citations {
    static final String QUERY = "bibtex";

    private Citations() {}

    /** The BibTeX entries of the papers {@code include} accepts (by IRI), in the survey's order. */
    public static List<BibTeX.Entry> entries(DatasetGraph dataset, Predicate<String> include) {
        return entries(PageQuery.of(QUERY).run(dataset), include);
    }

    static List<BibTeX.Entry> entries(Table table, Predicate<String> include) {
        List<BibTeX.KeySource> sources = new ArrayList<>();
        for (Map<String, Object> r : table.rows())
            sources.add(new BibTeX.KeySource(
                    s(r, "paper"), s(r, "shortName") != null ? s(r, "shortName") : s(r, "title"), s(r, "year")));
        Map<String, String> keys = BibTeX.keys(sources);
        List<BibTeX.Entry> entries = new ArrayList<>();
        for (Map<String, Object> r : table.rows())
            if (include.test(s(r, "paper"))) entries.add(entry(r, keys.get(s(r, "paper"))));
        return entries;
    }

    static BibTeX.Entry entry(Map<String, Object> r, String key) {
        String kind = s(r, "venueKind");
        String arxiv = s(r, "arxiv");
        String venue = s(r, "venueName") != null ? s(r, "venueName") : s(r, "venueAcronym");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", s(r, "title"));
        String type;
        if ("Conference".equals(kind) || "Workshop".equals(kind)) {
            type = "inproceedings";
            String acronym = s(r, "venueAcronym");
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
        f.put("year", s(r, "year"));
        if (arxiv != null) {
            f.put("eprint", arxiv);
            f.put("archivePrefix", "arXiv");
        }
        f.put("doi", s(r, "doi"));
        f.put("url", arxiv != null ? "https://arxiv.org/abs/" + arxiv : s(r, "url"));
        return new BibTeX.Entry(type, key, f);
    }

    private static String s(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
