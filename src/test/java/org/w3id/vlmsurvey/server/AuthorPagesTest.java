package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An author's page (a {@code schema:Person} of {@code metadata.ttl}, {@link AuthorServer}): their name and their papers
 * in the survey by year, then title, escaped; the same IRI as Turtle and JSON-LD; schema.org JSON-LD in the page; an
 * unknown author is a 404 and a hostile IRI a 4xx, never a 500, over real HTTP.
 */
class AuthorPagesTest {
    static final String RES = "https://w3id.org/vlm-survey/resource";
    static final String NAME = "Ada <b>\"Lovelace\"</b> & O'Neil";
    static final String ESCAPED = "Ada &lt;b&gt;&quot;Lovelace&quot;&lt;/b&gt; &amp; O&#39;Neil";
    static final List<String> SHARED_PAPERS = List.of(
            "ALIGN: Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision"
                    + " | ICML | 2021",
            "CLIP: Learning Transferable Visual Models From Natural Language Supervision | ICML | 2021",
            "CoOp: Learning to Prompt for Vision-Language Models | IJCV | 2022");
    static final Pattern ROW = Pattern.compile(
            "<tr>\\s*<td><a href=\"([^\"]+)\">[^<]*</a></td>\\s*<td><a href=\"\\1\">([^<]*)</a></td>\\s*"
                    + "<td>(?:<a href=\"[^\"]+\">)?([^<]*)(?:</a>)?</td>\\s*<td class=\"num\">([^<]*)</td>");

    static String base;

    @BeforeAll
    static void start() {
        base = AuthorServer.get().url();
    }

    static String html(String path) {
        HttpResponse<String> r = Http.get(base + path, "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** The rows of the page's papers table, as "title | venue | year". */
    static List<String> rows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) rows.add(m.group(2) + " | " + m.group(3) + " | " + m.group(4));
        return rows;
    }

    @Test
    void theSharedAuthorsPageListsTheirPapersByYearThenTitleEscaped() {
        String page = html(AuthorServer.SHARED);
        assertTrue(page.contains("<h1>" + ESCAPED + "</h1>"), page);
        assertTrue(page.contains("<title>" + ESCAPED + " · VLM survey</title>"), page);
        assertFalse(page.contains("<b>\"Lovelace"), "the name is text, never markup");
        assertEquals(SHARED_PAPERS, rows(page));
        assertTrue(page.contains("<a href=\"/resource/paper/arxiv-2103.00020\">CLIP: Learning"), page);
        assertTrue(page.contains("<a href=\"/resource/venue/icml\">ICML</a>"), page);
        // the same person as another paper's author: the same papers
        assertEquals(SHARED_PAPERS, rows(html(AuthorServer.SHARED_AS_CLIP)));
        // the other author of CoOp: CoOp alone
        String zhou = html(AuthorServer.ZHOU);
        assertTrue(zhou.contains("<h1>Kaiyang Zhou</h1>"), zhou);
        assertEquals(List.of(SHARED_PAPERS.get(2)), rows(zhou));
        // CoOp's page links each of its authors to their page, the name escaped
        String coop = html("/resource/paper/arxiv-2109.01134");
        assertTrue(
                coop.contains("<p class=\"authors\" id=\"authors\"><a href=\"" + AuthorServer.ZHOU
                        + "\">Kaiyang Zhou</a>, <a href=\"" + AuthorServer.SHARED + "\">" + ESCAPED + "</a></p>"),
                coop);
        // the queries behind it, with the author bound as a value
        List<String> queries = PagesTest.shownQueries(page);
        assertTrue(
                queries.stream().anyMatch(q -> q.contains("<" + RES + AuthorServer.SHARED.substring(9) + ">")),
                queries.toString());
    }

    @Test
    void theSchemaOrgJsonLdIsAPersonAndTheirArticles() throws IllegalAccessException {
        String page = html(AuthorServer.SHARED);
        JsonLdTest.vocabulary();
        Graph g = JsonLdTest.parse(AuthorServer.SHARED, page);
        JsonLdTest.checkTerms(AuthorServer.SHARED, g);
        Node person = NodeFactory.createURI(RES + AuthorServer.SHARED.substring("/resource".length()));
        assertTrue(g.contains(person, RDF.type.asNode(), SchemaDO.Person.asNode()));
        assertTrue(g.contains(person, SchemaDO.name.asNode(), NodeFactory.createLiteralString(NAME)));
        List<String> articles =
                g
                        .find(null, SchemaDO.author.asNode(), person)
                        .mapWith(t -> t.getSubject().getURI())
                        .toList()
                        .stream()
                        .sorted()
                        .toList();
        assertEquals(
                List.of(
                        RES + "/paper/arxiv-2102.05918",
                        RES + "/paper/arxiv-2103.00020",
                        RES + "/paper/arxiv-2109.01134"),
                articles);
        // and a paper's JSON-LD names its authors by the IRIs of their pages
        Graph coop = JsonLdTest.parse("/resource/paper/arxiv-2109.01134", html("/resource/paper/arxiv-2109.01134"));
        JsonLdTest.checkTerms("/resource/paper/arxiv-2109.01134", coop);
        assertTrue(coop.contains(
                NodeFactory.createURI(RES + "/paper/arxiv-2109.01134"), SchemaDO.author.asNode(), person));
        assertTrue(coop.contains(person, SchemaDO.name.asNode(), NodeFactory.createLiteralString(NAME)));
    }

    @Test
    void theSameIriIsTurtleAndJsonLd() {
        Node person = NodeFactory.createURI(RES + AuthorServer.SHARED.substring("/resource".length()));
        for (String[] asked : List.of(
                new String[] {"text/turtle", "", "text/turtle"},
                new String[] {"application/ld+json", "", "application/ld+json"},
                new String[] {"text/html", "?format=ttl", "text/turtle"})) {
            HttpResponse<String> r = Http.get(base + AuthorServer.SHARED + asked[1], asked[0]);
            assertEquals(200, r.statusCode(), String.join(" ", asked));
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(asked[2]), type);
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), asked[2].equals("text/turtle") ? Lang.TURTLE : Lang.JSONLD)
                    .base(base)
                    .parse(g);
            assertTrue(g.contains(person, SchemaDO.name.asNode(), NodeFactory.createLiteralString(NAME)), r.body());
            assertTrue(g.contains(
                    NodeFactory.createURI(RES + "/paper/arxiv-2109.01134"), SchemaDO.author.asNode(), person));
        }
    }

    @Test
    void anUnknownAuthorIsNotFound() {
        for (String path :
                List.of("/resource/paper/arxiv-2109.01134-author-3", "/resource/paper/arxiv-2103.00020-author-99")) {
            HttpResponse<String> r = Http.get(base + path, "text/html");
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("Not found"), r.body());
        }
    }

    /**
     * An IRI that would close itself and add patterns if it were written into query text, or that is very long: a 4xx,
     * never a 500 and never a page of anyone (the author is a value bound into the parsed query).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "arxiv-2109.01134-author-2%3E%20.%20%3Fs%20%3Fp%20%3Fo%20%7D%20%23",
                "arxiv-2109.01134-author-2%22%20%7D%20UNION%20%7B%20%3Fthis%20%3Fp%20%3Fo",
                "arxiv-2109.01134-author-2'%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "%3Chttps%3A%2F%2Fw3id.org%2Fvlm-survey%2Fresource%2Fpaper%2Farxiv-2109.01134-author-2%3E",
                "LONG4000",
                "LONG100000"
            })
    void aHostileAuthorIriIsRefused(String local) {
        if (local.startsWith("LONG"))
            local = "arxiv-2109.01134-author-2" + "%22".repeat(Integer.parseInt(local.substring(4)) / 3);
        for (String accept : List.of("text/html", "text/turtle")) {
            HttpResponse<String> r = Http.get(base + "/resource/paper/" + local, accept);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + ": " + r.body());
            assertFalse(r.body().contains(ESCAPED) || r.body().contains("Lovelace"), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
    }
}
