package org.w3id.vlmsurvey.linking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * How one kind of our resources is matched at one endpoint: which of our properties holds the key, which remote
 * property must carry the same value (written the way the remote writes it), and which property links the two.
 * <ul>
 * <li>Wikidata items are the works themselves, so they are linked with {@code owl:sameAs} (one item per resource, else
 * the match is reported as ambiguous and not written).</li>
 * <li>dblp records describe one published version (the arXiv preprint, the proceedings paper) of a work, so they are
 * linked with {@code dcterms:hasVersion}.</li>
 * </ul>
 */
public enum MatchingKey {
    WIKIDATA_ARXIV(
            "wikidata", "arxiv", "arXiv id", uri(Ns.FABIO + "hasArXivId"), uri(Ns.WDT + "P818"), OWL.sameAs.asNode()),
    WIKIDATA_DOI("wikidata", "doi", "DOI", uri(Ns.PRISM + "doi"), uri(Ns.WDT + "P356"), OWL.sameAs.asNode()),
    WIKIDATA_VENUE(
            "wikidata",
            "dblp-venue",
            "dblp venue id",
            uri(VLM.NS + "dblpStream"),
            uri(Ns.WDT + "P8926"),
            OWL.sameAs.asNode()),
    DBLP_DOI("dblp", "doi", "DOI", uri(Ns.PRISM + "doi"), uri(Ns.DBLP + "doi"), DCTerms.hasVersion.asNode()),
    DBLP_TITLE("dblp", "title", "title", DCTerms.title.asNode(), uri(Ns.DBLP + "title"), DCTerms.hasVersion.asNode());

    /** Namespaces of the keys. */
    static final class Ns {
        static final String FABIO = "http://purl.org/spar/fabio/";
        static final String PRISM = "http://prismstandard.org/namespaces/basic/2.0/";
        static final String WDT = "http://www.wikidata.org/prop/direct/";
        static final String DBLP = "https://dblp.org/rdf/schema#";
        static final String SCHEMA = "https://schema.org/";

        private Ns() {}
    }

    private static final String DBLP_STREAM = "https://dblp.org/streams/";

    public final String endpoint, name, label;
    public final Node localKey, remoteKey, linkPredicate;

    MatchingKey(String endpoint, String name, String label, Node localKey, Node remoteKey, Node linkPredicate) {
        this.endpoint = endpoint;
        this.name = name;
        this.label = label;
        this.localKey = localKey;
        this.remoteKey = remoteKey;
        this.linkPredicate = linkPredicate;
    }

    public static List<MatchingKey> of(String endpoint) {
        return java.util.Arrays.stream(values())
                .filter(k -> k.endpoint.equals(endpoint))
                .toList();
    }

    /** The linkset IRI of this key: {@code res:linkset/ENDPOINT-KEY}. */
    public Node linkset() {
        return uri(VLM.RES + "linkset/" + endpoint + "-" + name);
    }

    /** Whether a resource that has the key should be matched this way. */
    boolean applies(Graph g, Node subject) {
        return switch (this) {
            // A workshop shares its conference's dblp stream: it is not the conference.
            case WIKIDATA_VENUE -> !g.contains(subject, RDF.type.asNode(), uri(VLM.NS + "Workshop"));
            // Titles only for publications that no identifier can match.
            case DBLP_TITLE ->
                (g.contains(subject, RDF.type.asNode(), VLM.Paper.asNode())
                                || g.contains(subject, RDF.type.asNode(), uri(Ns.SCHEMA + "ScholarlyArticle")))
                        && !g.contains(subject, uri(Ns.PRISM + "doi"), Node.ANY)
                        && !g.contains(subject, uri(Ns.FABIO + "hasArXivId"), Node.ANY);
            default -> true;
        };
    }

    /** The values to ask the remote for, as the remote writes them; empty when the local value does not fit. */
    Set<Node> remoteValues(Node local) {
        Set<Node> out = new LinkedHashSet<>();
        switch (this) {
            case WIKIDATA_ARXIV -> {
                if (local.isLiteral()) out.add(literal(local.getLiteralLexicalForm()));
            }
            // Wikidata writes DOIs in upper case.
            case WIKIDATA_DOI -> {
                if (local.isLiteral())
                    out.add(literal(local.getLiteralLexicalForm().toUpperCase(Locale.ROOT)));
            }
            case WIKIDATA_VENUE -> {
                if (local.isURI() && local.getURI().startsWith(DBLP_STREAM))
                    out.add(literal(local.getURI().substring(DBLP_STREAM.length())));
            }
            // dblp writes DOIs as https://doi.org/ IRIs, in the case the publisher used: ask for the usual spellings.
            case DBLP_DOI -> {
                if (local.isLiteral()) {
                    String doi = local.getLiteralLexicalForm();
                    for (String d : List.of(doi, doi.toLowerCase(Locale.ROOT), doi.toUpperCase(Locale.ROOT)))
                        out.add(uri("https://doi.org/" + d));
                }
            }
            // dblp titles end with a full stop, and often lack the "NAME: " the survey puts before them.
            case DBLP_TITLE -> {
                if (local.isLiteral()) {
                    String t = local.getLiteralLexicalForm().strip();
                    int colon = t.indexOf(": ");
                    List<String> titles =
                            colon > 0 && colon <= 20 && !t.substring(0, colon).contains(" ")
                                    ? List.of(t, t.substring(colon + 2))
                                    : List.of(t);
                    for (String title : titles) {
                        out.add(literal(title));
                        if (!title.endsWith(".") && !title.endsWith("?") && !title.endsWith("!"))
                            out.add(literal(title + "."));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return endpoint + " " + label;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node literal(String s) {
        return NodeFactory.createLiteralString(s);
    }
}
