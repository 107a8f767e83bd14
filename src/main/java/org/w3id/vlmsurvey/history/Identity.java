package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.vlmsurvey.graph.IdentityKeys;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Identity across versions: a paper or dataset that one version lists under one IRI and a later version under
 * another (its link changed from a project page to arXiv, from arXiv to GitHub, ..., or its title was renamed) is one
 * resource. A resource no longer listed is matched to a resource newly listed by the first of these rules that
 * pairs them one to one: the same arXiv id, the same DOI, the same normalised URL (the mapping's own link keys:
 * {@link IdentityKeys#link}), then the same normalised title ({@link IdentityKeys#title}) within a category (a
 * paper's method category, a dataset's kind). A key shared by more than one resource on either side matches
 * nothing.
 */
public final class Identity {
    /** The matching rules, in the order they are tried. */
    public enum Rule {
        ARXIV("arXiv id"),
        DOI("DOI"),
        URL("URL"),
        TITLE("title");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        /** How the rule is named in reports: "arXiv id", "DOI", "URL", "title". */
        public String label() {
            return label;
        }
    }

    /** The classes whose resources are matched across versions. */
    static final List<Node> MATCHED = List.of(VLM.Paper.asNode(), VLM.Dataset.asNode());

    /** A resource of an older version ({@code older}) that a newer version lists as {@code newer}. */
    public record Match(Node cls, Node older, Node newer, Rule by) {}

    /** The keys of one resource, by rule. */
    record Keys(Map<Rule, Set<String>> byRule) {
        Set<String> of(Rule r) {
            return byRule.getOrDefault(r, Set.of());
        }
    }

    private static final Node ARXIV_ID = NodeFactory.createURI(Diff.FABIO + "hasArXivId");
    private static final Node DOI = NodeFactory.createURI("http://prismstandard.org/namespaces/basic/2.0/doi");
    private static final Node SCHEMA_URL = NodeFactory.createURI(Diff.SCHEMA + "url");
    private static final Node SCHEMA_SAME_AS = NodeFactory.createURI(Diff.SCHEMA + "sameAs");
    private static final Node PROJECT_PAGE = NodeFactory.createURI(VLM.NS + "projectPage");
    /** The links a resource is known by (its listed link, its identifiers' pages, its landing or project page). */
    private static final List<Node> LINKS =
            List.of(SCHEMA_URL, SCHEMA_SAME_AS, RDFS.seeAlso.asNode(), DCAT.landingPage.asNode(), PROJECT_PAGE);

    private Identity() {}

    /** The resources of {@code older} not in {@code newer} matched to those of {@code newer} not in {@code older}. */
    public static List<Match> between(Graph older, Graph newer) {
        List<Match> out = new ArrayList<>();
        for (Node cls : MATCHED) {
            Set<Node> a = subjects(older, cls), b = subjects(newer, cls);
            Map<Node, Keys> removed = new LinkedHashMap<>(), added = new LinkedHashMap<>();
            for (Node n : a) if (!b.contains(n)) removed.put(n, keys(older, n, cls));
            for (Node n : b) if (!a.contains(n)) added.put(n, keys(newer, n, cls));
            out.addAll(match(cls, removed, added));
        }
        return out;
    }

    /** The resources of a class in a graph, in IRI order. */
    static Set<Node> subjects(Graph g, Node cls) {
        Set<Node> out = new TreeSet<>(java.util.Comparator.comparing(Node::toString));
        g.find(Node.ANY, RDF.type.asNode(), cls).forEachRemaining(t -> out.add(t.getSubject()));
        return out;
    }

    /**
     * Pairs {@code removed} with {@code added}, rule by rule: a key that exactly one resource left unmatched on each
     * side has pairs them. Deterministic: keys are tried in sorted order.
     */
    static List<Match> match(Node cls, Map<Node, Keys> removed, Map<Node, Keys> added) {
        List<Match> out = new ArrayList<>();
        Set<Node> doneA = new HashSet<>(), doneB = new HashSet<>();
        for (Rule rule : Rule.values()) {
            Map<String, List<Node>> ka = index(removed, rule, doneA), kb = index(added, rule, doneB);
            for (Map.Entry<String, List<Node>> e : ka.entrySet()) {
                List<Node> olds = e.getValue(), news = kb.get(e.getKey());
                if (olds.size() != 1 || news == null || news.size() != 1) continue;
                Node o = olds.get(0), n = news.get(0);
                if (doneA.contains(o) || doneB.contains(n)) continue;
                doneA.add(o);
                doneB.add(n);
                out.add(new Match(cls, o, n, rule));
            }
        }
        return out;
    }

    private static Map<String, List<Node>> index(Map<Node, Keys> resources, Rule rule, Set<Node> done) {
        Map<String, List<Node>> out = new TreeMap<>();
        resources.forEach((n, k) -> {
            if (done.contains(n)) return;
            for (String key : k.of(rule))
                out.computeIfAbsent(key, x -> new ArrayList<>()).add(n);
        });
        return out;
    }

    /** The keys of a resource in a graph. */
    static Keys keys(Graph g, Node r, Node cls) {
        Map<Rule, Set<String>> out = new EnumMap<>(Rule.class);
        for (Node p : LINKS) for (Node o : objects(g, r, p)) if (o.isURI()) add(out, IdentityKeys.link(o.getURI()));
        for (Node o : objects(g, r, ARXIV_ID))
            if (o.isLiteral())
                add(out, "arxiv-" + o.getLiteralLexicalForm().strip().replace("/", "_"));
        for (Node o : objects(g, r, DOI))
            if (o.isLiteral())
                add(
                        out,
                        IdentityKeys.link(
                                "https://doi.org/" + o.getLiteralLexicalForm().strip()));
        Set<String> categories = new TreeSet<>();
        if (cls.equals(VLM.Paper.asNode())) {
            for (Node c : objects(g, r, VLM.category.asNode())) categories.add(c.toString());
        } else {
            // a dataset's kind: pre-training or evaluation
            for (Node t : objects(g, r, RDF.type.asNode()))
                if (t.isURI() && t.getURI().startsWith(VLM.NS) && !t.equals(cls)) categories.add(t.getURI());
        }
        if (categories.isEmpty()) categories.add("-");
        for (Node t : objects(g, r, DCTerms.title.asNode()))
            if (t.isLiteral()) {
                String title = IdentityKeys.title(t.getLiteralLexicalForm());
                for (String c : categories)
                    out.computeIfAbsent(Rule.TITLE, x -> new TreeSet<>()).add(c + " " + title);
            }
        return new Keys(out);
    }

    private static void add(Map<Rule, Set<String>> out, String key) {
        Rule rule = key.startsWith("arxiv-") ? Rule.ARXIV : key.startsWith("doi-") ? Rule.DOI : Rule.URL;
        out.computeIfAbsent(rule, x -> new TreeSet<>()).add(key.toLowerCase(Locale.ROOT));
    }

    private static Collection<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }
}
