package org.w3id.vlmsurvey.history;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The PROV-O terms the history and its change sets use (one place for {@link History} and {@link Diff}). */
final class Prov {
    static final String NS = "http://www.w3.org/ns/prov#";
    static final Node ENTITY = NodeFactory.createURI(NS + "Entity");
    static final Node WAS_REVISION_OF = NodeFactory.createURI(NS + "wasRevisionOf");
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI(NS + "wasDerivedFrom");

    private Prov() {}
}
