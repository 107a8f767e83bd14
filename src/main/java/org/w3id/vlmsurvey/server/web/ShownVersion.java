package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.server.store.ServedHistory;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.store.SurveyVersions;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The version of the survey a reader page shows: the newest version of the history served, or the one its
 * {@code ?version=} names (checked by {@link PageParameters#version}: 400 if malformed, 404 with an HTML page naming
 * the nearest versions if there is none such). Without a history there is one version, the survey served, and any
 * {@code ?version=} is a 404 that says so. Gives the dataset the page's queries run on and the model of the shared
 * template fragment {@code version.peb} that says which version a page shows. Made from one snapshot of what is served
 * ({@link SurveyStore#served()}, read once per request), and every further look-up of the page ({@link #at},
 * {@link #lastListing}) is made in that snapshot: a page rendered while a refresh swaps the history shows one history.
 *
 * @param served  the snapshot of the history served the page is made from
 * @param version the version shown, or null without a history
 * @param dataset the dataset of that version ({@link SurveyStore#datasetAt})
 * @param newest  whether it is the newest version (the survey as served)
 * @param merged  whether the history is of several surveys ({@link SurveyVersions#merged()}): the newest is then each
 *                survey's newest version merged, and the versions named are the first survey's
 */
public record ShownVersion(
        ServedHistory served, SurveyVersions.Version version, DatasetGraph dataset, boolean newest, boolean merged) {
    /** How many nearest versions the 404 page names. */
    static final int NEAREST = 5;

    /** The version a request asks for. */
    public static ShownVersion of(HttpServletRequest req, SurveyStore store) {
        String given = req.getParameter(Endpoints.VERSION_PARAMETER);
        ServedHistory served = store.served();
        SurveyVersions vs = served.versions();
        if (given == null || given.isBlank()) return newest(store, served);
        PageParameters.Revision r = PageParameters.version(given);
        if (vs == null)
            throw PageParameters.notFound("this server serves one version of the survey and no history, so no version "
                    + r.text() + " (serve --history-git DIR serves every version)");
        Optional<SurveyVersions.Version> v = r.day() != null ? vs.onOrBefore(r.day()) : vs.byCommit(r.commit());
        if (v.isEmpty()) throw notFound(vs, r);
        return at(store, served, v.get());
    }

    /** The newest version of the snapshot {@code served} (the survey as served). */
    public static ShownVersion newest(SurveyStore store, ServedHistory served) {
        SurveyVersions vs = served.versions();
        return new ShownVersion(
                served, vs == null ? null : vs.latest(), store.dataset(), true, vs != null && vs.merged());
    }

    /** A given version of the snapshot {@code served}. */
    static ShownVersion at(SurveyStore store, ServedHistory served, SurveyVersions.Version v) {
        SurveyVersions vs = served.versions();
        return new ShownVersion(served, v, store.datasetAt(served, v), v.equals(vs.latest()), vs.merged());
    }

    /** Another version of the same snapshot as this one. */
    ShownVersion at(SurveyStore store, SurveyVersions.Version v) {
        return at(store, served, v);
    }

    /** 404 for a version the history does not have: the message, and a page naming the nearest versions. */
    static PageParameters.Invalid notFound(SurveyVersions vs, PageParameters.Revision r) {
        List<SurveyVersions.Version> near = vs.nearest(r.text(), r.day(), NEAREST);
        String message = "Not found: the survey has no version "
                + r.text()
                + (r.day() != null
                        ? " (its first version is of " + vs.all().get(0).day() + ")"
                        : "")
                + "; the nearest: "
                + String.join(
                        ", ",
                        near.stream().map(v -> v.day() + " " + v.shortId()).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SurveyVersions.Version v : near) rows.add(model(v, true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("asked", r.text());
        model.put("message", message);
        model.put("nearest", rows);
        return new PageParameters.Invalid(404, message, Templates.render("version-not-found", model), rows);
    }

    /**
     * The version in which the survey last listed {@code iri}, when the shown version does not list it (a paper or
     * dataset no longer listed): empty when it does, or without a history. Of several surveys' histories, the last
     * listing in the survey whose versions are shown (the first's, {@link SurveyVersions}), never another survey's
     * (a resource they share has a {@code vlm:lastListedIn} in each).
     */
    public Optional<SurveyVersions.Version> lastListing(String iri) {
        SurveyVersions vs = served.versions();
        if (vs == null) return Optional.empty();
        Node s = NodeFactory.createURI(iri);
        boolean listed = Txn.calculateRead(dataset, () -> dataset.getDefaultGraph()
                .contains(s, org.apache.jena.vocabulary.RDF.type.asNode(), Node.ANY));
        if (listed) return Optional.empty();
        java.util.Set<Node> last = new java.util.HashSet<>();
        vs.description().find(s, VLM.lastListedIn.asNode(), Node.ANY).forEachRemaining(t -> last.add(t.getObject()));
        // the newest of the shown survey's versions named (one per survey is recorded)
        return vs.all().stream().filter(v -> last.contains(v.iri())).reduce((a, b) -> b);
    }

    /**
     * The model of {@code version.peb}: null without a history (the fragment then says nothing); with {@code commit},
     * the shown version's short commit ("" for a dated copy), the commit a page links the README's lines at.
     */
    public Map<String, Object> model() {
        if (version == null) return null;
        Map<String, Object> m = model(version, newest);
        m.put("merged", merged);
        m.put("commit", version.commit() == null ? "" : version.shortId());
        return m;
    }

    /** A version as templates show it: day, short and full commit, its page, and whether it is the newest. */
    static Map<String, Object> model(SurveyVersions.Version v, boolean newest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", v.day());
        m.put("time", v.time().toString());
        m.put("id", v.id());
        m.put("short", v.shortId());
        m.put("href", Endpoints.version(v.id()));
        m.put("query", "?" + Endpoints.VERSION_PARAMETER + "=" + v.shortId());
        m.put("papers", v.papers());
        m.put("datasets", v.datasets());
        m.put("newest", newest);
        return m;
    }
}
