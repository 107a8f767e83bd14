package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Cli;
import org.w3id.vlmsurvey.cli.Main;
import org.w3id.vlmsurvey.export.BibTeXTest;
import org.w3id.vlmsurvey.export.RISTest;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.linking.MetadataStandIn;

/**
 * {@code link --metadata} end to end: the command asks a local stand-in of arXiv and dblp and writes
 * {@code metadata.ttl} next to the survey; a server started on that survey reads it (as it reads {@code links.ttl})
 * and the authors reach the BibTeX (authors and keys), RIS (AU lines), {@code citation_author} meta tags, the page and
 * its JSON-LD, over HTTP.
 */
class PaperMetadataServedTest {
    @Test
    void fetchedAuthorsReachEveryCitationFormat(@TempDir Path dir) throws Exception {
        Path survey = Files.copy(Path.of("data/vlm-survey.md"), dir.resolve("vlm-survey.md"));
        Path metadata = dir.resolve(SurveyGraph.Source.METADATA);
        try (MetadataStandIn s = new MetadataStandIn()) {
            Cli.Run run = Cli.run(s.command("-s", survey.toString(), "-o", metadata.toString()));
            assertEquals(Main.OK, run.exit(), run.err() + run.out());
            assertTrue(
                    run.out().contains("arxiv (" + s.arxivUrl() + "): 4 of 40 papers found; 0 of 1 batches failed"),
                    run.out());
            assertTrue(run.out().contains("wrote " + metadata), run.out());
        }
        assertEquals(
                Main.USAGE,
                Cli.run(
                                "link",
                                "--metadata",
                                "-s",
                                survey.toString(),
                                "--arxiv-url",
                                "file:///etc/passwd",
                                "-o",
                                dir.resolve("x.ttl").toString())
                        .exit(),
                "a base URL that is not http(s) is refused");

        try (SurveyServer server = SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.file(survey)).port(0).build())) {
            String bib = Http.get(server.url() + "/papers.bib", null).body();
            BibTeXDatabase db = BibTeXTest.parse(bib);
            var clip = BibTeXTest.servedClip(db);
            assertEquals(
                    "Radford, Alec and Kim, Jong Wook and Hallacy, Chris and Ramesh, Aditya and Goh, Gabriel and "
                            + "Agarwal, Sandhini and Sastry, Girish and Askell, Amanda and Mishkin, Pamela and "
                            + "Clark, Jack and Krueger, Gretchen and Sutskever, Ilya",
                    clip.getField(new Key("author")).toUserString());
            assertNotNull(
                    db.resolveEntry(new Key("jia2021align")),
                    db.getEntries().keySet().toString());
            assertNotNull(
                    db.resolveEntry(new Key("zhou2022coop")),
                    db.getEntries().keySet().toString());

            var ris = RISTest.read(Http.get(server.url() + "/resource/paper/arxiv-2103.00020.ris", null)
                    .body());
            assertEquals(
                    List.of(
                            "Radford, Alec",
                            "Kim, Jong Wook",
                            "Hallacy, Chris",
                            "Ramesh, Aditya",
                            "Goh, Gabriel",
                            "Agarwal, Sandhini",
                            "Sastry, Girish",
                            "Askell, Amanda",
                            "Mishkin, Pamela",
                            "Clark, Jack",
                            "Krueger, Gretchen",
                            "Sutskever, Ilya"),
                    ris.get(0).stream()
                            .filter(e -> e.getKey().equals("AU"))
                            .map(e -> e.getValue())
                            .toList());

            String page = Http.get(server.url() + "/resource/paper/arxiv-2103.00020", "text/html")
                    .body();
            assertEquals(12, page.split("<meta name=\"citation_author\"", -1).length - 1);
            int a = page.indexOf("<meta name=\"citation_author\" content=\"Radford, Alec\">");
            int b = page.indexOf("<meta name=\"citation_author\" content=\"Kim, Jong Wook\">");
            assertTrue(a > 0 && b > a, "citation_author tags in order");
            List<String> linked = new java.util.ArrayList<>();
            for (int i = 0; i < MetadataStandIn.CLIP_AUTHORS.size(); i++)
                linked.add("<a href=\"/resource/paper/arxiv-2103.00020-author-" + (i + 1) + "\">"
                        + MetadataStandIn.CLIP_AUTHORS.get(i) + "</a>");
            assertTrue(
                    page.contains("<p class=\"authors\" id=\"authors\">" + String.join(", ", linked) + "</p>"), page);
            // each name leads to the author's page, which lists the paper
            String radford = Http.get(server.url() + "/resource/paper/arxiv-2103.00020-author-1", "text/html")
                    .body();
            assertTrue(radford.contains("<h1>Alec Radford</h1>"), radford);
            assertTrue(radford.contains("<a href=\"/resource/paper/arxiv-2103.00020\">CLIP: Learning"), radford);
            assertTrue(page.contains("<h2 id=\"abstract-heading\">Abstract</h2>"), page);

            JsonObject ld = JSON.parse(PagesTest.jsonLd(page));
            assertEquals(
                    MetadataStandIn.CLIP_AUTHORS,
                    ld.get("author").getAsArray().stream()
                            .map(JsonValue::getAsObject)
                            .peek(p -> assertEquals(
                                    "Person", p.get("@type").getAsString().value()))
                            .map(p -> p.get("name").getAsString().value())
                            .toList());
            assertTrue(ld.get("abstract").getAsString().value().startsWith("State-of-the-art computer vision"));
            // and it is valid schema.org: every class and property one of its vocabulary
            JsonLdTest.vocabulary();
            var g = JsonLdTest.parse("/resource/paper/arxiv-2103.00020", page);
            JsonLdTest.checkTerms("/resource/paper/arxiv-2103.00020", g);
            assertEquals(
                    12,
                    g.find(
                                    null,
                                    org.apache.jena.vocabulary.RDF.type.asNode(),
                                    org.apache.jena.vocabulary.SchemaDO.Person.asNode())
                            .toList()
                            .size());
        }
    }
}
