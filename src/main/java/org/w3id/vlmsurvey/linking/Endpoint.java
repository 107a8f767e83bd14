package org.w3id.vlmsurvey.linking;

import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * An external SPARQL endpoint that the {@code link} command asks: its short name, its title, the URL asked, and the
 * IRI space of the entities it returns.
 */
public record Endpoint(String name, String title, String url, String uriSpace) {
    public static final String WIKIDATA_URL = "https://query.wikidata.org/sparql";
    public static final String DBLP_URL = "https://sparql.dblp.org/sparql";

    public static Endpoint wikidata(String url) {
        return new Endpoint("wikidata", "Wikidata", url, "http://www.wikidata.org/entity/");
    }

    public static Endpoint dblp(String url) {
        return new Endpoint("dblp", "dblp computer science bibliography", url, "https://dblp.org/");
    }

    /** The endpoint's data as a {@code void:Dataset} in the links file: {@code res:external/NAME}. */
    public Node dataset() {
        return NodeFactory.createURI(VLM.RES + "external/" + name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
