package org.w3id.vlmsurvey.linking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.vlmsurvey.linking.LinkReport.EndpointReport;
import org.w3id.vlmsurvey.linking.LinkReport.KeyReport;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The provenance of a {@code link} run, without reification or named graphs: one {@code prov:Activity} for the run
 * (when, which endpoints), one {@code void:Linkset} per endpoint and matching key (which key, which remote property,
 * which link predicate, which resources it linked, how many links, which batches failed), one {@code void:Dataset} per
 * endpoint.
 */
final class LinkProvenance {
    static final String PROV = "http://www.w3.org/ns/prov#", VOID = "http://rdfs.org/ns/void#";
    static final Node MATCHING_KEY = uri(VLM.NS + "matchingKey"),
            REMOTE_KEY = uri(VLM.NS + "remoteKey"),
            LINKED_RESOURCE = uri(VLM.NS + "linkedResource");
    static final Node SURVEY = uri(VLM.RES + "survey");
    static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private LinkProvenance() {}

    static void describe(Graph g, LinkReport report, Instant started, Instant ended) {
        Node run = uri(VLM.RES + "link-run/" + RUN_ID.format(started));
        g.add(run, RDF.type.asNode(), uri(PROV + "Activity"));
        g.add(
                run,
                RDFS.label.asNode(),
                NodeFactory.createLiteralString("vlm-survey-kg link, " + RUN_ID.format(started)));
        g.add(run, uri(PROV + "startedAtTime"), dateTime(started));
        g.add(run, uri(PROV + "endedAtTime"), dateTime(ended));
        for (EndpointReport e : report.endpoints()) {
            Node dataset = e.endpoint().dataset(), endpoint = uri(e.endpoint().url());
            g.add(run, uri(PROV + "used"), endpoint);
            g.add(dataset, RDF.type.asNode(), uri(VOID + "Dataset"));
            g.add(
                    dataset,
                    DCTerms.title.asNode(),
                    NodeFactory.createLiteralString(e.endpoint().title()));
            g.add(dataset, uri(VOID + "sparqlEndpoint"), endpoint);
            g.add(
                    dataset,
                    uri(VOID + "uriSpace"),
                    NodeFactory.createLiteralString(e.endpoint().uriSpace()));
            for (KeyReport k : e.keys()) {
                if (k.asked().isEmpty()) continue;
                Node ls = k.key().linkset();
                long links = 0;
                for (var m : k.matches().entrySet()) {
                    if (!e.linked().contains(m.getKey())) continue;
                    // Which resources' links this key justifies: with the link predicate and the objects' URI space
                    // this tells, for every link, the key it was matched by.
                    g.add(ls, LINKED_RESOURCE, m.getKey());
                    links += m.getValue().size();
                }
                g.add(ls, RDF.type.asNode(), uri(VOID + "Linkset"));
                g.add(
                        ls,
                        DCTerms.title.asNode(),
                        NodeFactory.createLiteralString(
                                "Survey resources to " + e.endpoint().title() + " by " + k.key().label));
                g.add(ls, uri(VOID + "subjectsTarget"), SURVEY);
                g.add(ls, uri(VOID + "objectsTarget"), dataset);
                g.add(ls, uri(VOID + "linkPredicate"), k.key().linkPredicate);
                g.add(ls, MATCHING_KEY, k.key().localKey);
                g.add(ls, REMOTE_KEY, k.key().remoteKey);
                g.add(
                        ls,
                        uri(VOID + "triples"),
                        NodeFactory.createLiteralDT(Long.toString(links), XSDDatatype.XSDinteger));
                g.add(ls, DCTerms.created.asNode(), dateTime(ended));
                g.add(ls, uri(PROV + "wasGeneratedBy"), run);
                if (!k.failures().isEmpty())
                    g.add(
                            ls,
                            RDFS.comment.asNode(),
                            NodeFactory.createLiteralString(
                                    "incomplete: " + k.failures().size() + " of " + k.batches() + " batches failed; "
                                            + k.unanswered().size() + " resources not asked"));
            }
        }
    }

    static Node dateTime(Instant t) {
        return NodeFactory.createLiteralDT(t.truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }
}
