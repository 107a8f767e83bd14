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
                "chart-papers-per-year",
                "chart-papers-per-venue",
                "chart-code-per-category",
                "chart-pretraining-sizes"
            })
    void parsesBindsAndLinks(String name) {
        PageQuery q = PageQuery.of(name);
        assertEquals(Bundled.text(PageQuery.FOLDER + name + ".rq"), q.text());
        assertTrue(q.text().startsWith("# "), "says its question first");
        assertTrue(QueryFactory.create(q.text()).isSelectType());
        assertEquals(q.text(), URLDecoder.decode(q.link().substring("/#query=".length()), StandardCharsets.UTF_8));
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

    @Test
    void everyFileIsListedHere() {
        assertEquals(18, Bundled.list(PageQuery.FOLDER, ".rq").size(), "a new page query gets a row above");
    }
}
