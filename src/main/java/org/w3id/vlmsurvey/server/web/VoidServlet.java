package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The VoID and DCAT description of the served dataset at {@code /.well-known/void}: counts of triples and
 * entities, a class partition per class, the vocabularies used, the SPARQL endpoint and the dump. Its IRIs are made
 * from the configured public address ({@code --base-url}), never from the Host header a client sends.
 */
public final class VoidServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final SurveyStore store;
    private final java.util.function.Supplier<String> base;

    /** @param base the server's public address ({@code --base-url}, else its own), never a request's Host */
    public VoidServlet(SurveyStore store, java.util.function.Supplier<String> base) {
        this.store = store;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = Negotiation.chooseOrRefuse(req, resp);
        if (type == null) return;
        String base = this.base.get();
        Graph g = Txn.calculateRead(store.dataset(), () -> describe(store.dataset(), base));
        Negotiation.send(resp, type, g, d -> ResourceDescription.html(d, base + "/.well-known/void#dataset"));
    }

    static Graph describe(DatasetGraph dsg, String base) {
        Graph v = GraphFactory.createDefaultGraph();
        v.getPrefixMapping()
                .setNsPrefixes(VLM.prefixes())
                .setNsPrefix("void", VOID.NS)
                .setNsPrefix("dcat", DCAT.NS);
        Node ds = NodeFactory.createURI(base + "/.well-known/void#dataset");
        Node dump = NodeFactory.createURI(base + Endpoints.DATA);
        Graph data = dsg.getDefaultGraph();
        v.add(ds, RDF.type.asNode(), VOID.Dataset.asNode());
        v.add(ds, RDF.type.asNode(), DCAT.Dataset.asNode());
        v.add(
                ds,
                DCTerms.title.asNode(),
                NodeFactory.createLiteralString(
                        "Vision-Language Models for Vision Tasks: a survey, as a knowledge graph"));
        v.add(ds, VOID.triples.asNode(), integer(data.size()));
        v.add(
                ds,
                VOID.entities.asNode(),
                integer(count(
                        dsg,
                        "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + VLM.RES
                                + "\")) }")));
        v.add(
                ds,
                VOID.distinctSubjects.asNode(),
                integer(count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }")));
        v.add(ds, VOID.properties.asNode(), integer(count(dsg, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }")));
        v.add(ds, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(VLM.RES));
        v.add(ds, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(base + Endpoints.SPARQL));
        v.add(ds, VOID.dataDump.asNode(), dump);
        v.add(ds, VOID.rootResource.asNode(), NodeFactory.createURI(VLM.NS.substring(0, VLM.NS.length() - 1)));
        Node dist = NodeFactory.createURI(base + "/.well-known/void#dump");
        v.add(ds, DCAT.distribution.asNode(), dist);
        v.add(dist, RDF.type.asNode(), DCAT.Distribution.asNode());
        v.add(dist, DCAT.accessURL.asNode(), dump);
        v.add(dist, DCAT.downloadURL.asNode(), dump);
        v.add(
                dist,
                DCAT.mediaType.asNode(),
                NodeFactory.createURI("https://www.iana.org/assignments/media-types/text/turtle"));
        for (String ns : vocabularies(dsg)) v.add(ds, VOID.vocabulary.asNode(), NodeFactory.createURI(ns));
        String q = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c ORDER BY ?c";
        try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
            RowSet rs = qe.select();
            while (rs.hasNext()) {
                var b = rs.next();
                Node c = b.get("c");
                Node part = NodeFactory.createURI(base + "/.well-known/void#class-"
                        + encode(v.getPrefixMapping().shortForm(c.getURI()).replace(':', '-')));
                v.add(ds, VOID.classPartition.asNode(), part);
                v.add(part, VOID._class.asNode(), c);
                v.add(part, VOID.entities.asNode(), b.get("n"));
            }
        }
        return v;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> vocabularies(DatasetGraph dsg) {
        Set<String> ns = new TreeSet<>();
        String q = "SELECT DISTINCT ?t { { ?s ?t ?o } UNION { ?s a ?t } }";
        try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
            qe.select().forEachRemaining(b -> {
                Node t = b.get("t");
                if (t.isURI()) ns.add(t.getURI().substring(0, Util.splitNamespaceXML(t.getURI())));
            });
        }
        return ns;
    }

    private static long count(DatasetGraph dsg, String select) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(select).build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
    }
}
