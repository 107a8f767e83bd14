package org.w3id.vlmsurvey.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;

/**
 * What the triples of the served graph are: {@code total = data + ontology + links}. The served graph (what
 * {@code serve} answers from, and what {@code export} writes) is the ontology ({@code ontology/vlm-survey.ttl})
 * plus the survey's data plus the links file ({@code data/links.ttl}) when there is one. A triple counts as
 * ontology if the ontology file has it, else as a link if the links file has it, else as data (mapped from the
 * survey). {@code stats} and {@code serve} print the same breakdown, so their numbers can be compared.
 */
public record TripleCounts(long total, long data, long ontology, long links) {

    /** The counts of a graph as served: ontology, survey data and {@code links} (as parsed; empty for none) in one graph. */
    public static TripleCounts ofServed(Graph served, Graph links) {
        Graph ontology = SurveyGraph.ontology();
        long o = 0, l = 0;
        for (var it = ontology.find(); it.hasNext(); ) if (served.contains(it.next())) o++;
        for (var it = links.find(); it.hasNext(); ) {
            Triple t = it.next();
            if (served.contains(t) && !ontology.contains(t)) l++;
        }
        long total = served.size();
        return new TripleCounts(total, total - o - l, o, l);
    }

    /** The counts of the graph that a build serves: the ontology plus the built data (which holds the links). */
    public static TripleCounts of(SurveyGraph.Result built) {
        return ofServed(new Union(SurveyGraph.ontology(), built.data()), built.links());
    }

    /** {@code 2258 triples = 1995 data + 263 ontology + 0 links}. */
    @Override
    public String toString() {
        return total + " triples = " + data + " data + " + ontology + " ontology + " + links + " links";
    }
}
