package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.graph.Node;
import org.w3id.vlmsurvey.history.Diff;
import org.w3id.vlmsurvey.server.store.ServedHistory;
import org.w3id.vlmsurvey.server.store.SurveyChanges;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.store.SurveyVersions;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The survey's history for readers ({@code serve --history-git DIR} or {@code --history FILE.trig}):
 * {@value Endpoints#VERSIONS} every version with its date, commit and counts; {@code /versions/<commit>} one version
 * and what changed in it; {@value Endpoints#CHANGES} what changed, newest version first, one section per version;
 * {@value Endpoints#CHANGES_ATOM} the same as an Atom 1.0 feed, one entry per version (its id the version's IRI),
 * {@code ?category=SLUG} keeping the changes of that method category and its sub-categories. Without a history every
 * one of them is a 404 that says so.
 */
public final class ChangesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ATOM_TYPE = "application/atom+xml";

    /** The feed's id: the IRI of the survey's changes (with {@code ?category=SLUG} for a category's feed). */
    static final String FEED_ID = "https://w3id.org/vlm-survey/changes";

    private final transient SurveyStore store;

    public ChangesServlet(SurveyStore store) {
        this.store = store;
    }

    /** The paths this servlet answers. */
    public static List<String> paths() {
        return List.of(Endpoints.VERSIONS, Endpoints.VERSIONS + "/*", Endpoints.CHANGES, Endpoints.CHANGES_ATOM);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        // one snapshot of the history for the whole page: a refresh swapping it meanwhile does not mix two histories
        ServedHistory served = store.served();
        SurveyVersions vs = served.versions();
        if (vs == null)
            throw PageParameters.notFound(
                    "this server serves no history of the survey (serve --history-git DIR or --history FILE.trig)");
        if (path.equals(Endpoints.VERSIONS)) versions(resp, served);
        else if (path.startsWith(Endpoints.VERSIONS + "/"))
            version(resp, served, path.substring(Endpoints.VERSIONS.length() + 1));
        else if (path.equals(Endpoints.CHANGES)) changes(resp, served);
        else if (path.equals(Endpoints.CHANGES_ATOM)) atom(req, resp, served);
        else Negotiation.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path + "\n");
    }

    private void versions(HttpServletResponse resp, ServedHistory served) throws IOException {
        SurveyVersions vs = served.versions();
        PageQuery q = PageQuery.of("versions");
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> r : q.run(store.dataset()).rows()) rows.put(String.valueOf(r.get("version")), r);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (SurveyVersions.Version v : newestFirst(vs)) {
            Map<String, Object> row =
                    new LinkedHashMap<>(rows.getOrDefault(v.iri().getURI(), Map.of()));
            row.putAll(ShownVersion.model(v, v.equals(vs.latest())));
            row.put("summary", Diff.summary(served.changes().at(v)));
            shown.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("section", "versions");
        model.put("versions", shown);
        org.w3id.vlmsurvey.server.store.RefreshStatus refresh = store.refreshStatus();
        if (refresh != null)
            model.put(
                    "refresh",
                    Map.of(
                            "ok",
                            refresh.ok(),
                            "at",
                            refresh.at()
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    .toString(),
                            "message",
                            refresh.message()));
        model.put("version", ShownVersion.newest(store, served).model());
        model.put("queries", List.of(q.shown("The versions")));
        Templates.send(resp, "versions", model);
    }

    private void version(HttpServletResponse resp, ServedHistory served, String id) throws IOException {
        SurveyVersions vs = served.versions();
        PageParameters.Revision r =
                PageParameters.version(java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8));
        Optional<SurveyVersions.Version> found = r.day() != null ? vs.onOrBefore(r.day()) : vs.byCommit(r.commit());
        if (found.isEmpty()) throw ShownVersion.notFound(vs, r);
        SurveyVersions.Version v = found.get();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "versions");
        model.put("version", ShownVersion.model(v, v.equals(vs.latest())));
        model.put("shown", section(v, served, null));
        vs.previous(v).ifPresent(p -> model.put("previous", ShownVersion.model(p, false)));
        vs.next(v).ifPresent(n -> model.put("next", ShownVersion.model(n, n.equals(vs.latest()))));
        Templates.send(resp, "version-page", model);
    }

    private void changes(HttpServletResponse resp, ServedHistory served) throws IOException {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (SurveyVersions.Version v : newestFirst(served.versions())) sections.add(section(v, served, null));
        Map<String, Object> model = new HashMap<>();
        model.put("section", "changes");
        model.put("sections", sections);
        model.put("version", ShownVersion.newest(store, served).model());
        Templates.send(resp, "changes", model);
    }

    private static List<SurveyVersions.Version> newestFirst(SurveyVersions vs) {
        List<SurveyVersions.Version> all = new ArrayList<>(vs.all());
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * One version's changes as {@code changes-list.peb} shows them: the version, a summary, and the changes grouped
     * by kind (added, removed, changed), each with its class, label, page and detail; only those of {@code category}
     * and its sub-categories when it is not null; all of the snapshot {@code served}.
     */
    private static Map<String, Object> section(SurveyVersions.Version v, ServedHistory served, String category) {
        SurveyVersions vs = served.versions();
        SurveyChanges sc = served.changes();
        List<Diff.Change> changes = sc.at(v).stream()
                .filter(c -> category == null || sc.inCategory(v, c, category))
                .toList();
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Diff.Kind k : Diff.Kind.values()) groups.put(k.label(), new ArrayList<>());
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        for (Diff.Change c : changes) {
            String key = c.cls() + " " + c.iri().getURI();
            Map<String, Object> item = c.kind() == Diff.Kind.CHANGED ? changed.get(key) : null;
            if (item == null) {
                item = new LinkedHashMap<>();
                item.put("cls", c.cls());
                item.put("label", c.label());
                item.put("href", Html.href(c.iri().getURI()));
                item.put("details", new ArrayList<String>());
                groups.get(c.kind().label()).add(item);
                if (c.kind() == Diff.Kind.CHANGED) changed.put(key, item);
            }
            @SuppressWarnings("unchecked")
            List<String> details = (List<String>) item.get("details");
            details.add(c.detail());
        }
        List<Map<String, Object>> shownGroups = new ArrayList<>();
        groups.forEach((k, items) -> {
            if (!items.isEmpty()) shownGroups.add(Map.of("kind", k, "items", items));
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", ShownVersion.model(v, v.equals(vs.latest())));
        m.put("iri", v.iri().getURI());
        m.put("summary", Diff.summary(changes));
        m.put("groups", shownGroups);
        m.put("empty", changes.isEmpty());
        m.put("first", v.index() == 0);
        return m;
    }

    /** The slugs of every method category any version listed (those the history records as first listed). */
    private static Set<String> categorySlugs(SurveyVersions vs) {
        Set<String> slugs = new TreeSet<>();
        String prefix = PageParameters.categoryIri("");
        vs.description().find(Node.ANY, VLM.firstListedIn.asNode(), Node.ANY).forEachRemaining(t -> {
            String iri = t.getSubject().isURI() ? t.getSubject().getURI() : "";
            if (iri.startsWith(prefix)) slugs.add(iri.substring(prefix.length()));
        });
        return slugs;
    }

    private void atom(HttpServletRequest req, HttpServletResponse resp, ServedHistory served) throws IOException {
        SurveyVersions vs = served.versions();
        String given = req.getParameter("category");
        String slug = given == null || given.isBlank() ? null : PageParameters.categorySlug(given, categorySlugs(vs));
        String category = slug == null ? null : PageParameters.categoryIri(slug);
        String base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
        String filter = slug == null ? "" : "?category=" + slug;
        String self = base + Endpoints.CHANGES_ATOM + filter;
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            // stable: the feed's id does not depend on the host it is served from
            element(x, "id", FEED_ID + filter);
            element(
                    x,
                    "title",
                    "Vision-Language Models for Vision Tasks: what changed in the survey"
                            + (slug == null ? "" : " (" + slug + ")"));
            element(x, "updated", vs.latest().time().toString());
            link(x, "self", self, "application/atom+xml");
            link(x, "alternate", base + Endpoints.CHANGES, "text/html");
            x.writeStartElement("author");
            element(x, "name", "The survey's maintainers (as read from its README)");
            x.writeEndElement();
            for (SurveyVersions.Version v : newestFirst(vs)) {
                Map<String, Object> section = section(v, served, category);
                if (category != null && Boolean.TRUE.equals(section.get("empty"))) continue;
                x.writeStartElement("entry");
                element(x, "id", v.iri().getURI());
                element(x, "title", v.day() + " " + v.shortId() + ": " + section.get("summary"));
                element(x, "updated", v.time().toString());
                link(x, "alternate", base + Endpoints.version(v.id()), "text/html");
                x.writeStartElement("content");
                x.writeAttribute("type", "html");
                x.writeCharacters(Templates.render("changes-list", Map.of("shown", section)));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Atom feed: " + e.getMessage(), e);
        }
        Negotiation.send(resp, ATOM_TYPE, out.toString());
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
