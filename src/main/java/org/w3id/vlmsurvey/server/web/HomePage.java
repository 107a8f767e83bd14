package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.graph.SurveyHead;
import org.w3id.vlmsurvey.server.store.SurveyStore;

/**
 * The home page {@code /} ({@link Endpoints#HOME}): what the survey is (title, authors, arXiv link, as its README
 * gives them: {@link SurveyHead}), the version shown (the newest of a served history, else the source's name and
 * digest) with its date, the counts, the newest papers, and the ways in. Its queries are
 * {@code queries/pages/home-*.rq}.
 */
public final class HomePage {
    private HomePage() {}

    /** The model of {@code home.peb}. */
    static Map<String, Object> model(SurveyStore store) {
        DatasetGraph dsg = store.dataset();
        PageQuery counts = PageQuery.of("home-counts");
        PageQuery newest = PageQuery.of("home-newest");
        PageQuery version = PageQuery.of("home-version");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("section", "home");
        SurveyStore.Loaded loaded = store.loaded();
        SurveyHead head = loaded == null ? SurveyHead.NONE : loaded.head();
        model.put("survey", head);
        model.put("surveyTitle", head.title() == null ? "the survey" : head.title());
        model.put("authors", String.join(", ", head.authors()));
        model.put("arxivUrl", head.arxivUrl());
        model.put("counts", counts.run(dsg).first());
        model.put("newest", newest.run(dsg).rows());
        Map<String, Object> v = version.run(dsg).first();
        Map<String, Object> shown = new LinkedHashMap<>();
        if (v != null) {
            shown.put("commit", v.get("commit"));
            shown.put("date", String.valueOf(v.get("date")));
        } else if (loaded != null) {
            shown.put("source", loaded.name());
            shown.put(
                    "digest",
                    loaded.digest().substring(0, Math.min(12, loaded.digest().length())));
            shown.put("date", loaded.at().toString());
        }
        model.put("homeVersion", shown); // not "version": that is the banner of version.peb (ShownVersion)
        model.put("history", v != null);
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(counts.shown("The counts"));
        queries.add(newest.shown("The newest papers"));
        queries.add(version.shown("The version shown"));
        model.put("queries", queries);
        return model;
    }
}
