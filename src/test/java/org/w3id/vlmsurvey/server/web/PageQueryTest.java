package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.vlmsurvey.bundle.Bundled;

/** Every page query parses, keeps its comment when bound, and its link carries exactly its text. */
class PageQueryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "papers",
                "datasets",
                "categories",
                "venues",
                "bibtex",
                "paper",
                "paper-categories",
                "paper-datasets",
                "paper-shared-code",
                "paper-history",
                "category-path",
                "category-papers",
                "venue-papers",
                "search",
                "paper-authors",
                "chart-papers-per-year",
                "chart-papers-per-venue",
                "chart-code-per-category",
                "chart-pretraining-sizes",
                "surveys",
                "survey-papers",
                "versions",
                "paper-surveys",
                "home-counts",
                "home-newest",
                "home-version",
                "paper-neighbours",
                "author",
                "author-papers"
            })
    void parsesBindsAndLinks(String name) {
        PageQuery q = PageQuery.of(name);
        assertEquals(Bundled.text(PageQuery.FOLDER + name + ".rq"), q.text());
        assertTrue(q.text().startsWith("# "), "says its question first");
        assertTrue(QueryFactory.create(q.text()).isSelectType());
        assertEquals(
                q.text(), URLDecoder.decode(q.link().substring("/sparql#query=".length()), StandardCharsets.UTF_8));
        assertFalse(q.link().contains("+") || q.link().contains(" "), "spaces as %20");
        String iri = "https://w3id.org/vlm-survey/resource/x";
        PageQuery bound = q.bind("this", NodeFactory.createURI(iri));
        List<String> comments =
                q.text().lines().takeWhile(l -> l.startsWith("#")).toList();
        assertFalse(bound.text().lines().skip(comments.size()).anyMatch(l -> l.contains("?this")), bound.text());
        assertEquals(comments, bound.text().lines().limit(comments.size()).toList(), "the comment stays");
        assertTrue(QueryFactory.create(bound.text()).isSelectType());
        if (q.text().contains("?this")) assertTrue(bound.text().contains("<" + iri + ">"));
        assertEquals(List.of("name", "link", "file"), List.copyOf(q.shown("x").keySet()));
    }

    /**
     * A bound value is a node of the parsed query, whatever its text: an IRI that would close itself and append
     * patterns if it were written into query text matches nothing and adds nothing (issue 22's injection).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://w3id.org/vlm-survey/resource/category/x> . ?a ?b ?c } #",
                "x> . BIND(CONCAT(\"a\", \"a\") AS ?b) SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } #"
            })
    void boundValuesNeverBecomeQueryText(String hostile) {
        org.apache.jena.sparql.core.DatasetGraph dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        dsg.getDefaultGraph()
                .add(
                        NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/p"),
                        NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#category"),
                        NodeFactory.createURI("https://w3id.org/vlm-survey/resource/category/x"));
        dsg.getDefaultGraph()
                .add(
                        NodeFactory.createURI("https://w3id.org/vlm-survey/resource/entry/e"),
                        NodeFactory.createURI("https://w3id.org/vlm-survey/ontology#sourceDocument"),
                        NodeFactory.createURI("https://w3id.org/vlm-survey/resource/survey"));
        assertFindsNothing("survey-papers", "survey", hostile, dsg);
        for (String name : List.of(
                "category-papers",
                "category-path",
                "paper",
                "venue-papers",
                "paper-surveys",
                "author",
                "author-papers")) assertFindsNothing(name, "this", hostile, dsg);
    }

    /** The page query {@code name} with {@code variable} bound to the IRI {@code hostile} answers no row. */
    static void assertFindsNothing(
            String name, String variable, String hostile, org.apache.jena.sparql.core.DatasetGraph dsg) {
        assertEquals(
                0,
                PageQuery.of(name)
                        .bind(variable, NodeFactory.createURI(hostile))
                        .run(dsg)
                        .rows()
                        .size(),
                name + " with ?" + variable + " = " + hostile);
    }

    /**
     * The author queries find the person bound, and a hostile IRI (one that would close itself and match every person
     * if it were query text) finds nothing, in a graph that has a person to find.
     */
    @Test
    void theAuthorIsBoundAsAValue() {
        String res = "https://w3id.org/vlm-survey/resource/paper/";
        org.apache.jena.sparql.core.DatasetGraph dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFParser.fromString(
                        """
                        PREFIX schema: <https://schema.org/>
                        PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
                        PREFIX dcterms: <http://purl.org/dc/terms/>
                        PREFIX paper: <%s>
                        paper:p a vlm:Paper ; dcterms:title "P" ; schema:author paper:p-author-1 .
                        paper:p-author-1 a schema:Person ; schema:name "A" .
                        """
                                .formatted(res),
                        org.apache.jena.riot.Lang.TURTLE)
                .parse(dsg.getDefaultGraph());
        var author = NodeFactory.createURI(res + "p-author-1");
        assertEquals(
                "A",
                PageQuery.of("author").bind("this", author).run(dsg).first().get("name"));
        assertEquals(
                List.of(res + "p"),
                PageQuery.of("author-papers").bind("this", author).run(dsg).rows().stream()
                        .map(r -> r.get("paper"))
                        .toList());
        for (String hostile : List.of(
                res + "x> a ?t . ?this ?p ?o } #",
                res + "p-author-1> . } UNION { ?this a <https://schema.org/Person> } #",
                res + "p-author-1\" a"))
            for (String name : List.of("author", "author-papers")) assertFindsNothing(name, "this", hostile, dsg);
    }

    @Test
    void everyFileIsListedHere() {
        assertEquals(29, Bundled.list(PageQuery.FOLDER, ".rq").size(), "a new page query gets a row above");
    }
}
