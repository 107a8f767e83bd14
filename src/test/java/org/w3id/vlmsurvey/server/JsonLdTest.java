package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON-LD of every paper page and every dataset page of the bundled survey, parsed by Jena as JSON-LD 1.1: the
 * context is {@code "https://schema.org"}, the types are {@code ScholarlyArticle} and {@code Dataset}, and every
 * class and property it uses is one of schema.org's vocabulary, as Apache Jena ships it
 * ({@link SchemaDO}, generated from schema.org's RDF, namespace {@code https://schema.org/}): a class a class of
 * it, a property a property of it. The test runs offline: schema.org's remote context is replaced, for parsing, by
 * {@code {"@vocab": "https://schema.org/"}}, which maps every term into the same namespace.
 */
class JsonLdTest {
    static final String SCHEMA = "https://schema.org/";
    static String base;
    static Set<String> classes = new LinkedHashSet<>();
    static Set<String> properties = new LinkedHashSet<>();

    @BeforeAll
    static void start() throws IllegalAccessException {
        base = BundledServer.get().url();
        vocabulary();
    }

    /** Reads schema.org's classes and properties from {@link SchemaDO} (once). */
    static synchronized void vocabulary() throws IllegalAccessException {
        if (!classes.isEmpty()) return;
        for (Field f : SchemaDO.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            Object v = f.get(null);
            if (v instanceof Property p) properties.add(p.getURI());
            else if (v instanceof Resource r && r.isURIResource()) classes.add(r.getURI());
        }
        assertTrue(classes.contains(SCHEMA + "ScholarlyArticle") && properties.contains(SCHEMA + "variableMeasured"));
        assertEquals(SCHEMA, SchemaDO.NS, "the namespace the graph uses");
    }

    /** The page's JSON-LD, checked and parsed as described above. */
    static Graph parse(String path) {
        return parse(path, Http.get(base + path, "text/html").body());
    }

    /** The JSON-LD of a page already read ({@code path} names it in messages), checked and parsed as above. */
    static Graph parse(String path, String page) {
        JsonObject ld = JSON.parse(PagesTest.jsonLd(page));
        assertEquals("https://schema.org", ld.get("@context").getAsString().value(), path);
        JsonObject vocab = new JsonObject();
        vocab.put("@vocab", SCHEMA);
        ld.put("@context", vocab);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ld.toString(), Lang.JSONLD11).parse(g);
        assertFalse(g.isEmpty(), path);
        return g;
    }

    /** Every type is a schema.org class and every predicate a schema.org property; the types used, by subject. */
    static Map<Node, Set<String>> checkTerms(String path, Graph g) {
        Map<Node, Set<String>> types = new HashMap<>();
        g.find().forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            if (p.equals(RDF.type.getURI())) {
                assertTrue(classes.contains(t.getObject().getURI()), path + ": not a schema.org class: " + t);
                types.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>())
                        .add(t.getObject().getURI().substring(SCHEMA.length()));
            } else assertTrue(properties.contains(p), path + ": not a schema.org property: " + p);
        });
        return types;
    }

    static List<String> pages(String list, String column) {
        JsonArray rows = JSON.parseAny(
                        Http.get(base + "/" + list + ".json", null).body())
                .getAsArray();
        Set<String> iris = new LinkedHashSet<>();
        for (JsonValue r : rows) iris.add(r.getAsObject().getString(column));
        return iris.stream()
                .map(i -> i.replace("https://w3id.org/vlm-survey/resource/", "/resource/"))
                .toList();
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }

    @Test
    void everyPaperPageIsAScholarlyArticleInSchemaOrgTerms() {
        List<String> papers = pages("papers", "paper");
        assertEquals(41, papers.size());
        for (String path : papers) {
            Graph g = parse(path);
            Node paper = iri("https://w3id.org/vlm-survey" + path);
            assertEquals(Set.of("ScholarlyArticle"), checkTerms(path, g).get(paper), path);
            assertTrue(g.contains(paper, iri(SCHEMA + "name"), Node.ANY), path);
            assertTrue(g.contains(paper, iri(SCHEMA + "datePublished"), Node.ANY), path);
        }
        // CLIP: its venue, its arXiv and DOI pages, its code as SoftwareSourceCode with its repository
        Graph clip = parse("/resource/paper/arxiv-2103.00020");
        Node paper = iri("https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020");
        Map<Node, Set<String>> types = checkTerms("CLIP", clip);
        Node code = clip.find(paper, iri(SCHEMA + "subjectOf"), Node.ANY).next().getObject();
        assertEquals(Set.of("SoftwareSourceCode"), types.get(code));
        assertTrue(clip.contains(
                code,
                iri(SCHEMA + "codeRepository"),
                NodeFactory.createLiteralString("https://github.com/openai/CLIP")));
        Node venue = clip.find(paper, iri(SCHEMA + "isPartOf"), Node.ANY).next().getObject();
        assertEquals(Set.of("CreativeWorkSeries"), types.get(venue));
        Set<String> sameAs = new LinkedHashSet<>();
        clip.find(paper, iri(SCHEMA + "sameAs"), Node.ANY)
                .forEachRemaining(t -> sameAs.add(t.getObject().getLiteralLexicalForm()));
        assertEquals(Set.of("https://arxiv.org/abs/2103.00020", "https://doi.org/10.48550/arXiv.2103.00020"), sameAs);
    }

    @Test
    void everyDatasetPageIsADatasetAsGoogleAsksForIt() {
        List<String> datasets = pages("datasets", "dataset");
        assertEquals(55, datasets.size());
        for (String path : datasets) {
            Graph g = parse(path);
            Node d = iri("https://w3id.org/vlm-survey" + path);
            assertEquals(Set.of("Dataset"), checkTerms(path, g).get(d), path);
            for (String p : List.of("name", "description", "url", "keywords"))
                assertTrue(g.contains(d, iri(SCHEMA + p), Node.ANY), path + ": " + p);
            String description = g.find(d, iri(SCHEMA + "description"), Node.ANY)
                    .next()
                    .getObject()
                    .getLiteralLexicalForm();
            assertTrue(description.length() >= 50 && description.length() <= 5000, description);
        }
        // ImageNet-1k: its website, task, metric
        Graph g = parse("/resource/dataset/imagenet-1k");
        Node d = iri("https://w3id.org/vlm-survey/resource/dataset/imagenet-1k");
        assertTrue(g.contains(d, iri(SCHEMA + "variableMeasured"), NodeFactory.createLiteralString("Accuracy")));
        assertTrue(g.contains(d, iri(SCHEMA + "keywords"), NodeFactory.createLiteralString("Image Classification")));
        assertTrue(g.contains(d, iri(SCHEMA + "sameAs"), Node.ANY));
    }
}
