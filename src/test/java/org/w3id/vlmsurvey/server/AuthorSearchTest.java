package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /search} finds a paper by its authors' names (the text index's author field, from the {@code metadata.ttl}
 * beside the survey, {@link AuthorServer}), over real HTTP: the exact papers of a surname, each with "author: NAME" as
 * its snippet (escaped in HTML) and a link to its page; a name nobody in the metadata has finds none of them; the
 * bundled server (no metadata) finds nothing by these names; a field name ({@code author:}) stays refused.
 */
class AuthorSearchTest {
    static final String PAPER = "https://w3id.org/vlm-survey/resource/paper/arxiv-";
    static final String NAME = AuthorPagesTest.NAME;
    static final String ESCAPED = AuthorPagesTest.ESCAPED;
    /** CLIP, ALIGN and CoOp: the three papers of the shared author of the fixture. */
    static final List<String> SHARED = List.of(PAPER + "2102.05918", PAPER + "2103.00020", PAPER + "2109.01134");

    static JsonArray json(SurveyServer server, String q) {
        var r = Http.get(server.url() + "/search.json?q=" + Http.enc(q), null);
        assertEquals(200, r.statusCode(), q + ": " + r.body());
        return JSON.parseAny(r.body()).getAsArray();
    }

    /** The resources of a search, sorted (papers of equal score are ranked by label). */
    static List<String> resources(SurveyServer server, String q) {
        List<String> out = new ArrayList<>();
        for (var hit : json(server, q)) out.add(hit.getAsObject().getString("resource"));
        return out.stream().sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lovelace", "lovelace", "LOVELACE", "O'Neil", "Ada Lovelace", "lovelac"})
    void aSurnameFindsExactlyThePapersOfItsAuthor(String q) {
        assertEquals(SHARED, resources(AuthorServer.get(), q), q);
        for (var hit : json(AuthorServer.get(), q)) {
            JsonObject o = hit.getAsObject();
            assertEquals("paper", o.getString("kind"));
            assertEquals("author: " + NAME, o.getString("snippet"), "why it matched, unmarked in JSON");
        }
    }

    @Test
    void theAuthorOfOnePaperFindsThatPaper() {
        for (String q : List.of("Kaiyang Zhou", "\"kaiyang zhou\"", "zhou"))
            assertEquals(List.of(PAPER + "2109.01134"), resources(AuthorServer.get(), q), q);
        JsonObject coop = json(AuthorServer.get(), "zhou").get(0).getAsObject();
        assertEquals("author: Kaiyang Zhou", coop.getString("snippet"));
    }

    @Test
    void theHtmlResultSaysWhyAndLinksThePaperPage() {
        var r = Http.get(AuthorServer.get().url() + "/search?q=lovelace", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("3 results for <q>lovelace</q>"), html);
        assertTrue(
                html.contains("<a href=\"/resource/paper/arxiv-2103.00020\">"
                        + "CLIP: Learning Transferable Visual Models From Natural Language Supervision</a>"),
                html);
        assertTrue(
                html.contains("<div class=\"snippet\">author: Ada &lt;b&gt;&quot;<mark>Lovelace</mark>&quot;&lt;/b&gt;"
                        + " &amp; O&#39;Neil</div>"),
                html);
        assertFalse(html.contains("<b>\"Lovelace"), "the name is escaped");
        assertTrue(ESCAPED.startsWith("Ada &lt;b&gt;"));
    }

    @Test
    void aTitleMatchAndAnAuthorMatchShowBoth() {
        // CoOp matches "coop" in its short name and title, and "zhou" as its author
        JsonObject coop = json(AuthorServer.get(), "coop zhou").get(0).getAsObject();
        assertEquals(PAPER + "2109.01134", coop.getString("resource"));
        assertEquals(
                "CoOp · CoOp: Learning to Prompt for Vision-Language Models · author: Kaiyang Zhou",
                coop.getString("snippet"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Radford", "Hinton", "Byron", "\"Alec Radford\""})
    void aNameNotInTheMetadataFindsNoneOfItsPapers(String q) {
        List<String> found = resources(AuthorServer.get(), q);
        for (String p : SHARED) assertFalse(found.contains(p), q + " found " + p);
        for (var hit : json(AuthorServer.get(), q))
            assertFalse(hit.getAsObject().getString("snippet").contains("author: "), q + ": " + hit);
    }

    @Test
    void withoutMetadataNoPaperIsFoundByTheseNames() {
        for (String q : List.of("Lovelace", "Kaiyang Zhou", "O'Neil"))
            assertEquals(List.of(), resources(BundledServer.get(), q), q);
    }

    /** The author field is searched with the others, never by name: a field in the text is refused, as any field. */
    @ParameterizedTest
    @ValueSource(strings = {"author:lovelace", "author:*", "author:/love.*/", "lovelace OR author:(a b)"})
    void theAuthorFieldCannotBeNamed(String q) {
        for (String path : List.of("/search.csv?q=", "/papers.csv?q=")) {
            var r = Http.get(AuthorServer.get().url() + path + Http.enc(q), null);
            assertEquals(400, r.statusCode(), path + q + ": " + r.body());
            assertTrue(r.body().startsWith("Bad request: "), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
    }

    @Test
    void thePapersFilterFindsThemToo() {
        var r = Http.get(AuthorServer.get().url() + "/papers.csv?q=lovelace", null);
        assertEquals(200, r.statusCode(), r.body());
        List<String> papers = r.body()
                .lines()
                .skip(1)
                .map(l -> l.split(",")[0])
                .distinct()
                .sorted()
                .toList();
        assertEquals(SHARED, papers, r.body());
    }
}
