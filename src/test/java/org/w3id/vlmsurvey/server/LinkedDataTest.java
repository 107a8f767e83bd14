package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.web.Html;
import org.w3id.vlmsurvey.server.web.OntologyServlet;
import org.w3id.vlmsurvey.server.web.ResourceDescription;
import org.w3id.vlmsurvey.vocab.VLM;

/** Linked Data pages, the ontology and the VoID description, over HTTP. */
class LinkedDataTest {
    static SurveyServer server;
    static String base;
    static Graph data;

    @BeforeAll
    static void start() {
        server = BundledServer.get();
        base = server.url();
        data = Txn.calculateRead(server.store().dataset(), () -> {
            Graph g = GraphFactory.createDefaultGraph();
            server.store().dataset().getDefaultGraph().find().forEachRemaining(g::add);
            return g;
        });
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    /** Every triple of the resource as subject is in the description, with the labels of its neighbours. */
    void describes(String local, String expectedType, String expectedText) {
        String iri = VLM.RES + local;
        Node r = uri(iri);
        assertTrue(data.contains(r, RDF.type.asNode(), uri(expectedType)), iri + " is not a " + expectedType);
        for (var t : List.of(List.of("text/turtle", "TTL"), List.of("application/ld+json", "JSONLD"))) {
            HttpResponse<String> resp = Http.get(base + "/resource/" + local, t.get(0));
            assertEquals(200, resp.statusCode(), local);
            assertTrue(Http.contentType(resp).startsWith(t.get(0)));
            Graph d = parse(resp.body(), org.apache.jena.riot.RDFLanguages.nameToLang(t.get(1)));
            List<org.apache.jena.graph.Triple> own =
                    data.find(r, Node.ANY, Node.ANY).toList();
            assertFalse(own.isEmpty());
            for (var triple : own) {
                assertTrue(d.contains(triple), "missing " + triple);
                Node o = triple.getObject();
                if (o.isURI() && o.getURI().startsWith(VLM.RES)) {
                    String label = ResourceDescription.label(data, o);
                    if (label != null) assertEquals(label, ResourceDescription.label(d, o), "label of " + o);
                }
            }
        }
        HttpResponse<String> html =
                Http.get(base + "/resource/" + local, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        assertTrue(Http.contentType(html).startsWith("text/html"));
        assertTrue(html.body().contains(Html.escape(expectedText)), expectedText);
        for (var triple : data.find(r, Node.ANY, Node.ANY).toList())
            if (triple.getObject().isURI() && triple.getObject().getURI().startsWith(VLM.RES))
                assertTrue(
                        html.body()
                                .contains("href=\"/resource/"
                                        + triple.getObject().getURI().substring(VLM.RES.length()) + "\""),
                        "no local link to " + triple.getObject());
    }

    @Test
    void paper() {
        describes(
                "paper/arxiv-2103.00020",
                VLM.NS + "Paper",
                "CLIP: Learning Transferable Visual Models From Natural Language Supervision");
        String html =
                Http.get(base + "/resource/paper/arxiv-2103.00020", "text/html").body();
        assertTrue(html.contains("href=\"/resource/category/pre-training-with-contrastive-objective\""));
        assertTrue(html.contains(">Pre-training with Contrastive Objective</a>"), "category shown by its label");
    }

    @Test
    void dataset() {
        describes("dataset/coco-caption", VLM.NS + "Dataset", "COCO Caption");
    }

    @Test
    void venue() {
        describes("venue/cvpr", VLM.NS + "Venue", "CVPR");
    }

    @Test
    void category() {
        describes(
                "category/pre-training-with-contrastive-objective",
                VLM.NS + "MethodCategory",
                "Pre-training with Contrastive Objective");
        // Incoming links: the papers filed under the category.
        Graph d = parse(
                Http.get(base + "/resource/category/pre-training-with-contrastive-objective", "text/turtle")
                        .body(),
                Lang.TURTLE);
        Node cat = uri(VLM.RES + "category/pre-training-with-contrastive-objective");
        assertEquals(
                data.find(Node.ANY, VLM.category.asNode(), cat).toList().size(),
                d.find(Node.ANY, VLM.category.asNode(), cat).toList().size());
    }

    @Test
    void formatParameterAndUnknownResources() {
        HttpResponse<String> nt = Http.get(base + "/resource/venue/cvpr?format=nt", "text/html");
        assertTrue(Http.contentType(nt).startsWith("application/n-triples"));
        assertEquals(
                404,
                Http.get(base + "/resource/paper/no-such-paper", "text/turtle").statusCode());
        assertEquals(404, Http.get(base + "/resource/", "text/turtle").statusCode());
        assertEquals(406, Http.get(base + "/resource/venue/cvpr", "image/png").statusCode());
    }

    @Test
    void ontology() {
        HttpResponse<String> ttl = Http.get(base + "/ontology", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(parse(ttl.body(), Lang.TURTLE).isIsomorphicWith(SurveyGraph.ontology()));
        HttpResponse<String> html = Http.get(base + "/ontology", "text/html");
        assertEquals(200, html.statusCode());
        SurveyGraph.ontology()
                .find(Node.ANY, RDF.type.asNode(), org.apache.jena.vocabulary.OWL.Class.asNode())
                .forEachRemaining(t -> {
                    String iri = t.getSubject().getURI();
                    String id = iri.startsWith(org.w3id.vlmsurvey.vocab.VLM.NS)
                            ? iri.substring(org.w3id.vlmsurvey.vocab.VLM.NS.length())
                            : iri;
                    assertTrue(html.body().contains("id=\"" + Html.escape(id) + "\""), "class " + iri + " missing");
                });
    }

    @Test
    void ontologyPageListsClassesAndPropertiesEscaped() {
        Graph g = parse(
                """
                @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/vlm-survey/ontology#Paper> a owl:Class ; rdfs:label "Paper" ; rdfs:comment "A <b>paper</b> & more" .
                <https://w3id.org/vlm-survey/ontology#category> a owl:ObjectProperty ; rdfs:label "category" .
                """,
                Lang.TURTLE);
        String html = OntologyServlet.html(g);
        assertTrue(html.contains("<h2>Classes (1)</h2>") && html.contains("<h2>Properties (1)</h2>"), html);
        assertTrue(html.contains("id=\"Paper\"") && html.contains("id=\"category\""));
        assertTrue(html.contains("A &lt;b&gt;paper&lt;/b&gt; &amp; more"));
        assertFalse(html.contains("<b>paper</b>"));
    }

    @Test
    void resourcePageEscapesText() {
        Graph g = parse(
                """
                <https://w3id.org/vlm-survey/resource/paper/x> <http://purl.org/dc/terms/title> "<script>alert('x')</script> & \\"q\\"" ;
                   <https://w3id.org/vlm-survey/ontology#category> <https://w3id.org/vlm-survey/resource/category/a?b=<c>> .
                """
                        .replace("<c>", "%3Cc%3E"),
                Lang.TURTLE);
        String html =
                ResourceDescription.html(ResourceDescription.describe(g, VLM.RES + "paper/x"), VLM.RES + "paper/x");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), html);
    }

    @Test
    void voidDescription() {
        HttpResponse<String> r = Http.get(base + "/.well-known/void", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph v = parse(r.body(), Lang.TURTLE);
        Node ds = uri(base + "/.well-known/void#dataset");
        assertTrue(v.contains(ds, RDF.type.asNode(), VOID.Dataset.asNode()));
        assertEquals(
                Long.toString(data.size()),
                v.find(ds, VOID.triples.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm());
        assertTrue(v.contains(ds, VOID.sparqlEndpoint.asNode(), uri(base + "/survey/sparql")));
        assertTrue(v.contains(ds, VOID.dataDump.asNode(), uri(base + "/survey/data")));
        assertTrue(v.contains(ds, VOID.vocabulary.asNode(), uri(VLM.NS)));
        assertTrue(v.contains(ds, VOID.vocabulary.asNode(), uri(RDFS.getURI()))
                || v.contains(ds, VOID.vocabulary.asNode(), uri("http://purl.org/dc/terms/")));
        assertEquals(41, partition(v, ds, VLM.Paper.getURI()));
        assertEquals(55, partition(v, ds, VLM.Dataset.getURI()));
        assertEquals(11, partition(v, ds, VLM.Venue.getURI()));
        assertEquals(12, partition(v, ds, VLM.MethodCategory.getURI()));
    }

    static long partition(Graph v, Node ds, String cls) {
        for (var t : v.find(ds, VOID.classPartition.asNode(), Node.ANY).toList())
            if (v.contains(t.getObject(), VOID._class.asNode(), uri(cls)))
                return Long.parseLong(v.find(t.getObject(), VOID.entities.asNode(), Node.ANY)
                        .next()
                        .getObject()
                        .getLiteralLexicalForm());
        throw new AssertionError("no class partition for " + cls);
    }
}
