package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.server.OtherHosts;

/** The layout every page extends: navigation, search box, landmarks, escaping, and nothing from another host. */
class TemplatesTest {
    static final String EVIL = "<script>alert('x')</script> & \"q\"";

    @Test
    void layoutHasNavigationSearchAndLandmarks() {
        String html =
                Templates.render("generic", Map.of("title", "A title", "body", "<p>body</p>", "section", "papers"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<title>A title · VLM survey</title>"), html);
        for (String path : List.of("/papers", "/datasets", "/categories", "/venues", "/charts", "/search", "/sparql"))
            assertTrue(html.contains("<a href=\"" + path + "\""), "nav link to " + path);
        assertTrue(html.contains("<a href=\"/papers\" aria-current=\"page\">Papers</a>"), "current section marked");
        assertTrue(html.contains("<a class=\"site-title\" href=\"/\">"), "the site's title leads home");
        assertTrue(html.contains("<form class=\"site-search\" action=\"/search\" method=\"get\" role=\"search\">"));
        assertTrue(html.contains("<label for=\"site-search-q\">"));
        assertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"));
        assertTrue(html.contains("<main id=\"main\"")
                && html.contains("<header")
                && html.contains("<footer")
                && html.contains("<nav"));
        assertTrue(html.contains("<p>body</p>"), "a generic body is HTML made (and escaped) by its maker");
        OtherHosts.assertNone(html);
    }

    @Test
    void valuesAreEscaped() {
        String html = Templates.render(
                "generic",
                Map.of(
                        "title",
                        EVIL,
                        "body",
                        "",
                        "q",
                        EVIL,
                        "queries",
                        List.of(Map.of("name", EVIL, "link", "/#query=" + EVIL))));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), html);
    }
}
