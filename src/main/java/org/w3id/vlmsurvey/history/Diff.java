package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Every change between two versions of the survey graph: papers, datasets and method categories added or removed,
 * and the fields of the ones in both that changed (title, venue, year, code, category, ...), with old and new values.
 * Resources are matched by IRI (the mapping's identity rules: arXiv id, DOI, URL, heading slug), so a paper whose
 * arXiv link stays the same is one paper whatever its title or venue became.
 */
public final class Diff {
    static final String FABIO = "http://purl.org/spar/fabio/";
    static final String SCHEMA = "https://schema.org/";
    /** Change sets written as RDF: {@code changeset/<old id>-<new id>}, their changes {@code .../<n>}. */
    public static final String CHANGESET = "https://w3id.org/vlm-survey/changeset/";

    /**
     * Added, removed, renamed or relinked (a resource of the older version listed under another IRI in the newer one,
     * {@link Identity}: its title or its link changed), or changed; written in lower case.
     */
    public enum Kind {
        ADDED,
        REMOVED,
        RENAMED,
        RELINKED,
        CHANGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One change. For {@link Kind#CHANGED}, {@link Kind#RENAMED} ({@code title}) and {@link Kind#RELINKED}
     * ({@code link}), one field with its old and new value (empty: none); for additions and removals, {@code field}
     * is null and {@code fields} the resource's values as listed. A change of a resource that the older version
     * listed under another IRI has that IRI as {@code formerIri} and the rule that matched them as
     * {@code matchedBy}; both are null otherwise.
     */
    public record Change(
            Kind kind,
            String cls,
            Node iri,
            String label,
            String link,
            String field,
            String oldValue,
            String newValue,
            Map<String, String> fields,
            Node formerIri,
            Identity.Rule matchedBy) {

        /** A change of a resource listed under the same IRI in both versions (or added, or removed). */
        public Change(
                Kind kind,
                String cls,
                Node iri,
                String label,
                String link,
                String field,
                String oldValue,
                String newValue,
                Map<String, String> fields) {
            this(kind, cls, iri, label, link, field, oldValue, newValue, fields, null, null);
        }

        /**
         * The detail column: {@code field: old -> new} (and for a resource under a new IRI, the rule that matched it:
         * {@code (matched by title)}), or the listed values {@code field: value; ...}. ({@code fields} of a change are
         * the resource's values in the newer version, of an addition or removal those shown.)
         */
        public String detail() {
            if (field != null)
                return field + ": " + shown(oldValue) + " -> " + shown(newValue)
                        + (matchedBy == null || kind == Kind.CHANGED ? "" : " (matched by " + matchedBy.label() + ")");
            List<String> parts = new ArrayList<>();
            fields.forEach((f, v) -> parts.add(f + ": " + v));
            return String.join("; ", parts);
        }

        static String shown(String v) {
            return v.isEmpty() ? "(none)" : v;
        }
    }

    /** A compared field: its name and the property whose values (rendered by {@link #name}) it compares. */
    record Field(String name, Node property) {}

    /** A compared class: its local name, its fields (the first one is the title, shown as the label). */
    record Compared(Node cls, List<Field> fields) {
        String local() {
            return cls.getLocalName();
        }
    }

    static Field field(String name, String iri) {
        return new Field(name, NodeFactory.createURI(iri));
    }

    /** What is compared, in the order changes are listed. */
    static final List<Compared> CLASSES = List.of(
            new Compared(
                    VLM.MethodCategory.asNode(),
                    List.of(field("label", SKOS.prefLabel.getURI()), field("broader", SKOS.broader.getURI()))),
            new Compared(
                    VLM.Paper.asNode(),
                    List.of(
                            field("title", DCTerms.title.getURI()),
                            field("venue", VLM.NS + "publishedIn"),
                            field("year", FABIO + "hasPublicationYear"),
                            field("code", VLM.NS + "codeRepository"),
                            field("project", VLM.NS + "projectPage"),
                            field("category", VLM.NS + "category"))),
            new Compared(
                    VLM.Dataset.asNode(),
                    List.of(
                            field("title", DCTerms.title.getURI()),
                            field("year", FABIO + "hasPublicationYear"),
                            field("kind", RDF.type.getURI()),
                            field("task", VLM.NS + "evaluationTask"),
                            field("metric", VLM.NS + "evaluationMetric"),
                            field("pairs", VLM.NS + "imageTextPairsLabel"),
                            field("language", VLM.NS + "languageLabel"),
                            field("classes", VLM.NS + "numberOfClasses"),
                            field("training", VLM.NS + "trainingSize"),
                            field("testing", VLM.NS + "testingSize"))));

    /** The properties that name a resource, best first. */
    static final List<Node> NAMES = List.of(
            NodeFactory.createURI(VLM.NS + "githubRepository"),
            NodeFactory.createURI(VLM.NS + "acronym"),
            SKOS.prefLabel.asNode(),
            RDFS.label.asNode(),
            DCTerms.title.asNode());

    private Diff() {}

    /**
     * The changes from {@code older} to {@code newer}, in a fixed order: kind, class, label, IRI, field. A resource
     * of the older version that the newer one lists under another IRI ({@link Identity#between}) is renamed and/or
     * relinked, not removed and added.
     */
    public static List<Change> between(Graph older, Graph newer) {
        return between(older, newer, Identity.between(older, newer));
    }

    /** The changes from {@code older} to {@code newer}, given the resources matched across IRIs. */
    static List<Change> between(Graph older, Graph newer, List<Identity.Match> matches) {
        List<Change> changes = new ArrayList<>();
        Map<Node, Identity.Match> byOld = new LinkedHashMap<>(), byNew = new LinkedHashMap<>();
        for (Identity.Match m : matches) {
            byOld.put(m.older(), m);
            byNew.put(m.newer(), m);
        }
        for (Compared k : CLASSES) {
            Map<Node, Map<String, String>> a = values(older, k), b = values(newer, k);
            for (Map.Entry<Node, Map<String, String>> e : b.entrySet())
                if (!a.containsKey(e.getKey()) && !byNew.containsKey(e.getKey()))
                    changes.add(listed(Kind.ADDED, k, e.getKey(), newer, e.getValue()));
            for (Map.Entry<Node, Map<String, String>> e : a.entrySet())
                if (!b.containsKey(e.getKey()) && !byOld.containsKey(e.getKey()))
                    changes.add(listed(Kind.REMOVED, k, e.getKey(), older, e.getValue()));
            for (Map.Entry<Node, Map<String, String>> e : b.entrySet()) {
                Identity.Match m = byNew.get(e.getKey());
                Node formerIri = m != null && m.cls().equals(k.cls()) ? m.older() : e.getKey();
                Map<String, String> before = a.get(formerIri);
                if (before == null) continue;
                boolean moved = !formerIri.equals(e.getKey());
                String label = name(newer, e.getKey()), link = link(newer, e.getKey());
                if (moved) {
                    // relinked: its link (a dataset: its landing page) changed, or nothing shown did but its IRI
                    String o = webLink(older, formerIri), n = webLink(newer, e.getKey());
                    String oldTitle = before.getOrDefault(k.fields().get(0).name(), ""),
                            newTitle =
                                    e.getValue().getOrDefault(k.fields().get(0).name(), "");
                    if (o.equals(n) && oldTitle.equals(newTitle)) {
                        o = formerIri.getURI();
                        n = e.getKey().getURI();
                    }
                    if (!o.equals(n))
                        changes.add(new Change(
                                Kind.RELINKED,
                                k.local(),
                                e.getKey(),
                                label,
                                link,
                                "link",
                                o,
                                n,
                                e.getValue(),
                                formerIri,
                                m.by()));
                }
                for (int i = 0; i < k.fields().size(); i++) {
                    Field f = k.fields().get(i);
                    String o = before.getOrDefault(f.name(), ""),
                            n = e.getValue().getOrDefault(f.name(), "");
                    if (!o.equals(n))
                        changes.add(new Change(
                                moved && i == 0 ? Kind.RENAMED : Kind.CHANGED,
                                k.local(),
                                e.getKey(),
                                label,
                                link,
                                f.name(),
                                o,
                                n,
                                e.getValue(),
                                moved ? formerIri : null,
                                moved ? m.by() : null));
                }
            }
        }
        List<String> order = CLASSES.stream().map(Compared::local).toList();
        changes.sort(Comparator.comparing(Change::kind)
                .thenComparing(c -> order.indexOf(c.cls()))
                .thenComparing(Change::label, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Change::label)
                .thenComparing(c -> c.iri().getURI())
                .thenComparing(c -> c.field() == null ? -1 : fieldIndex(c)));
        return changes;
    }

    private static int fieldIndex(Change c) {
        for (Compared k : CLASSES)
            if (k.local().equals(c.cls()))
                for (int i = 0; i < k.fields().size(); i++)
                    if (k.fields().get(i).name().equals(c.field())) return i;
        return Integer.MAX_VALUE;
    }

    private static Change listed(Kind kind, Compared k, Node iri, Graph g, Map<String, String> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        String label = name(g, iri);
        values.forEach((f, v) -> {
            if (!v.isEmpty() && !v.equals(label)) shown.put(f, v);
        });
        return new Change(kind, k.local(), iri, label, link(g, iri), null, null, null, shown);
    }

    /** Each resource of the class with its fields' values (several values sorted, joined by "; "). */
    static Map<Node, Map<String, String>> values(Graph g, Compared k) {
        Map<Node, Map<String, String>> out = new LinkedHashMap<>();
        g.find(Node.ANY, RDF.type.asNode(), k.cls()).forEachRemaining(t -> {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Field f : k.fields()) {
                TreeSet<String> vs = new TreeSet<>();
                g.find(t.getSubject(), f.property(), Node.ANY).forEachRemaining(v -> {
                    if (f.property().equals(RDF.type.asNode()) && v.getObject().equals(k.cls())) return;
                    vs.add(name(g, v.getObject()));
                });
                fields.put(f.name(), String.join("; ", vs));
            }
            out.put(t.getSubject(), fields);
        });
        return out;
    }

    /**
     * How a value is shown: a literal by its text; a resource by its GitHub name, acronym, label or title in the
     * graph; a term of the ontology by its local name; any other IRI as it is.
     */
    static String name(Graph g, Node n) {
        if (n.isLiteral()) return n.getLiteralLexicalForm().strip();
        for (Node p : NAMES) {
            var it = g.find(n, p, Node.ANY);
            try {
                if (it.hasNext()) {
                    TreeSet<String> names = new TreeSet<>();
                    it.forEachRemaining(
                            t -> names.add(t.getObject().getLiteralLexicalForm().strip()));
                    return names.first();
                }
            } finally {
                it.close();
            }
        }
        if (n.isURI() && n.getURI().startsWith(VLM.NS)) return n.getLocalName();
        return n.isURI() ? n.getURI() : n.toString();
    }

    /** The link a resource is listed with: its {@code schema:url}, else its landing page; else empty. */
    static String webLink(Graph g, Node n) {
        String url = link(g, n);
        if (url != null) return url;
        TreeSet<String> pages = new TreeSet<>();
        g.find(n, org.apache.jena.vocabulary.DCAT.landingPage.asNode(), Node.ANY)
                .forEachRemaining(t -> {
                    if (t.getObject().isURI()) pages.add(t.getObject().getURI());
                });
        return pages.isEmpty() ? "" : pages.first();
    }

    /** The web page of a resource as listed (its first {@code schema:url}), or null. */
    static String link(Graph g, Node n) {
        TreeSet<String> urls = new TreeSet<>();
        g.find(n, NodeFactory.createURI(SCHEMA + "url"), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) urls.add(t.getObject().getURI());
        });
        return urls.isEmpty() ? null : urls.first();
    }

    /**
     * The change set as RDF: {@code vlm:ChangeSet} from one version to the other with one {@code vlm:Change} per
     * change ({@code vlm:Addition}, {@code vlm:Removal} or {@code vlm:Modification}); no blank nodes.
     */
    public static Graph toRdf(List<Change> changes, Snapshot older, Snapshot newer) {
        Graph g = GraphFactory.createGraphMem();
        Node cs = NodeFactory.createURI(CHANGESET + older.id() + "-" + newer.id());
        g.add(cs, RDF.type.asNode(), VLM.ChangeSet.asNode());
        g.add(cs, RDF.type.asNode(), Prov.ENTITY);
        g.add(
                cs,
                RDFS.label.asNode(),
                NodeFactory.createLiteralString("changes from " + older.name() + " to " + newer.name()));
        g.add(cs, VLM.fromVersion.asNode(), older.iri());
        g.add(cs, VLM.toVersion.asNode(), newer.iri());
        for (Snapshot s : List.of(older, newer))
            g.add(s.iri(), RDFS.label.asNode(), NodeFactory.createLiteralString(s.name()));
        int width = Integer.toString(changes.size()).length();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Node n = NodeFactory.createURI(cs.getURI() + "/" + String.format("%0" + width + "d", i + 1));
            g.add(cs, VLM.change.asNode(), n);
            Node type =
                    switch (c.kind()) {
                        case ADDED -> VLM.Addition.asNode();
                        case REMOVED -> VLM.Removal.asNode();
                        case RENAMED -> VLM.Renaming.asNode();
                        case RELINKED -> VLM.Relinking.asNode();
                        case CHANGED -> VLM.Modification.asNode();
                    };
            g.add(n, RDF.type.asNode(), type);
            if (c.kind() == Kind.RENAMED || c.kind() == Kind.RELINKED)
                g.add(n, RDF.type.asNode(), VLM.Modification.asNode());
            if (c.formerIri() != null) g.add(n, VLM.formerResource.asNode(), c.formerIri());
            if (c.matchedBy() != null)
                g.add(
                        n,
                        VLM.matchedBy.asNode(),
                        NodeFactory.createLiteralString(c.matchedBy().label()));
            g.add(n, RDF.type.asNode(), VLM.Change.asNode());
            g.add(
                    n,
                    RDFS.label.asNode(),
                    NodeFactory.createLiteralString(c.kind().label() + " " + c.cls() + " " + c.label()
                            + (c.field() == null ? "" : ": " + c.detail())));
            g.add(n, VLM.changedResource.asNode(), c.iri());
            g.add(n, VLM.changedClass.asNode(), NodeFactory.createURI(VLM.NS + c.cls()));
            if (c.field() != null) {
                g.add(n, VLM.changedField.asNode(), NodeFactory.createLiteralString(c.field()));
                if (!c.oldValue().isEmpty())
                    g.add(n, VLM.oldValue.asNode(), NodeFactory.createLiteralString(c.oldValue()));
                if (!c.newValue().isEmpty())
                    g.add(n, VLM.newValue.asNode(), NodeFactory.createLiteralString(c.newValue()));
            }
        }
        return g;
    }

    /**
     * Counts of changes, e.g. "2 added, 1 removed, 3 changed (4 fields)": resources added, removed, changed; with
     * "1 renamed, 2 relinked" after the removals when there are any.
     */
    public static String summary(List<Change> changes) {
        long added = changes.stream().filter(c -> c.kind() == Kind.ADDED).count();
        long removed = changes.stream().filter(c -> c.kind() == Kind.REMOVED).count();
        long renamed = changes.stream().filter(c -> c.kind() == Kind.RENAMED).count();
        long relinked = changes.stream().filter(c -> c.kind() == Kind.RELINKED).count();
        String moved = renamed + relinked == 0 ? "" : renamed + " renamed, " + relinked + " relinked, ";
        List<Change> changed =
                changes.stream().filter(c -> c.kind() == Kind.CHANGED).toList();
        long resources = changed.stream()
                .map(c -> c.cls() + " " + c.iri().getURI())
                .distinct()
                .count();
        return added + " added, " + removed + " removed, " + moved + resources + " changed (" + changed.size()
                + " field" + (changed.size() == 1 ? "" : "s") + ")";
    }
}
