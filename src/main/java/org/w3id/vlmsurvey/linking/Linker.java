package org.w3id.vlmsurvey.linking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.OWL;
import org.w3id.vlmsurvey.linking.LinkReport.BatchFailure;
import org.w3id.vlmsurvey.linking.LinkReport.EndpointReport;
import org.w3id.vlmsurvey.linking.LinkReport.KeyReport;

/**
 * Links the resources of the survey graph to the entities of external SPARQL endpoints that carry the same key
 * (arXiv id, DOI, dblp venue id, title), asking in batches with {@code VALUES}, and describes the run with provenance.
 */
public final class Linker {
    static final Comparator<Node> ORDER = NodeCmp::compareRDFTerms;
    static final Var KEY = Var.alloc("key"), ITEM = Var.alloc("item");

    /** The links with their provenance, and the report of the run. */
    public record Outcome(Graph links, LinkReport report) {}

    private final SparqlRemote remote;
    private final int batchSize;
    private final Clock clock;

    public Linker(SparqlRemote remote, int batchSize, Clock clock) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.remote = remote;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    public Outcome run(Graph survey, List<Endpoint> endpoints) {
        Instant started = clock.instant();
        Graph links = GraphFactory.createGraphMem();
        List<EndpointReport> reports = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            List<KeyReport> keys = new ArrayList<>();
            for (MatchingKey key : MatchingKey.of(endpoint.name())) keys.add(match(survey, endpoint, key));
            EndpointReport report = summarise(endpoint, keys);
            reports.add(report);
            write(report, links);
        }
        LinkReport report = new LinkReport(List.copyOf(reports));
        LinkProvenance.describe(links, report, started, clock.instant());
        return new Outcome(links, report);
    }

    /** Asks the endpoint, batch by batch, for the entities carrying the key values of the survey's resources. */
    KeyReport match(Graph survey, Endpoint endpoint, MatchingKey key) {
        SortedMap<Node, SortedSet<Node>> subjectsByValue = new TreeMap<>(ORDER);
        SortedSet<Node> asked = new TreeSet<>(ORDER);
        survey.find(Node.ANY, key.localKey, Node.ANY).forEachRemaining(t -> {
            if (!t.getSubject().isURI() || !key.applies(survey, t.getSubject())) return;
            for (Node v : key.remoteValues(t.getObject())) {
                subjectsByValue.computeIfAbsent(v, x -> new TreeSet<>(ORDER)).add(t.getSubject());
                asked.add(t.getSubject());
            }
        });
        List<Node> values = new ArrayList<>(subjectsByValue.keySet());
        int batches = (values.size() + batchSize - 1) / batchSize;
        SortedMap<Node, SortedSet<Node>> matches = new TreeMap<>(ORDER);
        SortedSet<Node> unanswered = new TreeSet<>(ORDER);
        List<BatchFailure> failures = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Node> batch = values.subList(b * batchSize, Math.min(values.size(), (b + 1) * batchSize));
            try {
                for (Binding row : remote.select(endpoint.url(), query(key, batch))) {
                    Node value = row.get(KEY), item = row.get(ITEM);
                    if (value == null || item == null || !item.isURI() || !subjectsByValue.containsKey(value)) continue;
                    for (Node subject : subjectsByValue.get(value))
                        matches.computeIfAbsent(subject, x -> new TreeSet<>(ORDER))
                                .add(item);
                }
            } catch (RemoteClient.Failure f) {
                failures.add(
                        new BatchFailure(key, b + 1, batches, batch.size(), f.status(), f.tries(), f.getMessage()));
                for (Node v : batch) unanswered.addAll(subjectsByValue.get(v));
            }
        }
        return new KeyReport(key, asked, matches, unanswered, List.copyOf(failures), batches);
    }

    /** Per endpoint: a resource is linked, ambiguous (several entities where only one is allowed), not known, or not found. */
    static EndpointReport summarise(Endpoint endpoint, List<KeyReport> keys) {
        SortedMap<Node, SortedSet<Node>> candidates = new TreeMap<>(ORDER);
        SortedSet<Node> asked = new TreeSet<>(ORDER), unanswered = new TreeSet<>(ORDER);
        boolean identity = false;
        for (KeyReport k : keys) {
            asked.addAll(k.asked());
            unanswered.addAll(k.unanswered());
            identity |= k.key().linkPredicate.equals(OWL.sameAs.asNode());
            k.matches().forEach((s, items) -> candidates
                    .computeIfAbsent(s, x -> new TreeSet<>(ORDER))
                    .addAll(items));
        }
        SortedSet<Node> linked = new TreeSet<>(ORDER), notFound = new TreeSet<>(ORDER), unknown = new TreeSet<>(ORDER);
        SortedMap<Node, SortedSet<Node>> ambiguous = new TreeMap<>(ORDER);
        for (Node s : asked) {
            SortedSet<Node> items = candidates.get(s);
            if (items == null) (unanswered.contains(s) ? unknown : notFound).add(s);
            else if (identity && items.size() > 1) ambiguous.put(s, items);
            else linked.add(s);
        }
        return new EndpointReport(endpoint, List.copyOf(keys), linked, notFound, unknown, ambiguous);
    }

    /** The link triples of the linked resources, by the predicate of each key that matched them. */
    static void write(EndpointReport report, Graph links) {
        for (KeyReport k : report.keys())
            k.matches().forEach((s, items) -> {
                if (!report.linked().contains(s)) return;
                for (Node item : items) links.add(s, k.key().linkPredicate, item);
            });
    }

    /** {@code SELECT DISTINCT ?key ?item { VALUES ?key { ... } ?item REMOTEKEY ?key }}. */
    static Query query(MatchingKey key, List<Node> values) {
        ElementData data = new ElementData();
        data.add(KEY);
        for (Node v : values) data.add(BindingFactory.binding(KEY, v));
        ElementPathBlock pattern = new ElementPathBlock();
        pattern.addTriple(Triple.create(ITEM, key.remoteKey, KEY));
        ElementGroup where = new ElementGroup();
        where.addElement(data);
        where.addElement(pattern);
        Query q = new Query();
        q.setQuerySelectType();
        q.setDistinct(true);
        q.addResultVar(KEY);
        q.addResultVar(ITEM);
        q.setQueryPattern(where);
        return q;
    }
}
