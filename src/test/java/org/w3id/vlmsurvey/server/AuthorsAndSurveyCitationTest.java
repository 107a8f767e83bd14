package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.export.BibTeXTest;
import org.w3id.vlmsurvey.export.RISTest;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * Authors, where the graph has them (as {@code link --metadata} is to write them: {@code schema:author} persons with
 * their position), reach the citation keys, BibTeX, RIS and the {@code citation_author} meta tags; and "Cite this
 * survey" quotes the README's own Citation block, or says there is none.
 */
class AuthorsAndSurveyCitationTest {
    static final String AUTHORS = String.join(
            "\n",
            "@prefix schema: <https://schema.org/> .",
            "@prefix p: <https://w3id.org/vlm-survey/resource/paper/> .",
            "p:arxiv-2103.00020 schema:author p:arxiv-2103.00020-author-1, p:arxiv-2103.00020-author-2 ;",
            "  schema:abstract \"State-of-the-art computer vision systems are trained to predict a fixed set.\" .",
            "p:arxiv-2103.00020-author-1 a schema:Person ; schema:name \"Alec Radford\" ; schema:position 1 ;",
            "  schema:familyName \"Radford\" ; schema:givenName \"Alec\" .",
            "p:arxiv-2103.00020-author-2 a schema:Person ; schema:name \"Jong Wook Kim\" ; schema:position 2 .",
            "");

    @Test
    void authorsReachKeysBibTeXRisAndMetaTags(@TempDir Path dir) throws Exception {
        Path links = dir.resolve("links.ttl");
        Files.writeString(links, AUTHORS);
        try (SurveyServer s = SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.bundled().withLinks(links))
                        .port(0)
                        .build())) {
            String bib = Http.get(s.url() + "/papers.bib", null).body();
            BibTeXDatabase db = BibTeXTest.parse(bib);
            var clip = BibTeXTest.servedClip(db);
            assertEquals(
                    "Radford, Alec and Kim, Jong Wook",
                    clip.getField(new Key("author")).toUserString());
            assertTrue(clip.getField(new Key("abstract")).toUserString().startsWith("State-of-the-art"));
            assertNotNull(db.resolveEntry(new Key("align2021")), "the others keep {shortname}{year}");
            var ris = RISTest.read(Http.get(s.url() + "/resource/paper/arxiv-2103.00020.ris", null)
                    .body());
            assertEquals(1, ris.size());
            assertEquals(
                    List.of("Radford, Alec", "Kim, Jong Wook"),
                    ris.get(0).stream()
                            .filter(e -> e.getKey().equals("AU"))
                            .map(e -> e.getValue())
                            .toList());
            assertEquals("radford2021clip", ris.get(0).get(1).getValue(), "ID: the citation key");
            String page = Http.get(s.url() + "/resource/paper/arxiv-2103.00020", "text/html")
                    .body();
            int a = page.indexOf("<meta name=\"citation_author\" content=\"Radford, Alec\">");
            int b = page.indexOf("<meta name=\"citation_author\" content=\"Kim, Jong Wook\">");
            assertTrue(a > 0 && b > a, "citation_author tags in order");
        }
    }

    @Test
    void theFooterQuotesTheReadmesCitationBlock(@TempDir Path dir) throws Exception {
        String page =
                Http.get(BundledServer.get().url() + "/papers", "text/html").body();
        assertTrue(page.contains("<h2 id=\"cite-survey-heading\">Cite this survey</h2>"), page);
        assertTrue(
                page.contains(
                        "@article{zhang2023vision,\n  title={Vision-Language Models for Vision Tasks: A Survey},"),
                page);
        // a README without a Citation block: the footer says so
        Path md = dir.resolve("README.md");
        String bundled = Bundled.text(Bundled.SURVEY);
        Files.writeString(
                md,
                bundled.replaceFirst("## Citation", "## Thanks")
                        .replace("@article{zhang2023vision", "article zhang2023vision"));
        try (SurveyServer s = SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.file(md)).port(0).build())) {
            String other = Http.get(s.url() + "/papers", "text/html").body();
            assertTrue(other.contains("The README served has no Citation block to quote."), other);
            String missing = Http.get(s.url() + "/no-such-page", "text/html").body();
            assertTrue(missing.contains("The README served has no Citation block to quote."), missing);
            // each server its own README's citation, while both run (it was one per JVM: the last started won)
            String bundledAgain =
                    Http.get(BundledServer.get().url() + "/papers", "text/html").body();
            assertTrue(bundledAgain.contains("@article{zhang2023vision,"), bundledAgain);
            assertTrue(Http.get(BundledServer.get().url() + "/no-such-page", "text/html")
                    .body()
                    .contains("@article{zhang2023vision,"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'# T\n## Citation\n```\n@article{a,\n  title={x}\n}\n```\n'|'@article{a,\n  title={x}\n}'",
                "'# T\n### Cite\nPlease cite:\n\n    @misc{b, title={y}}\n'|'@misc{b, title={y}}'",
                "'# T\n## Citation\n```\nno bibtex here\n```\n## Next\n```\n@misc{c}\n```\n'|''",
                "'# T\n## Other\n```\n@misc{d, title={z}}\n```\n'|''",
            })
    void theCitationBlockIsTheFirstBibTeXUnderACitationHeading(String markdown, String bibtex) {
        assertEquals(
                bibtex.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(bibtex),
                SurveyGraph.citation(markdown));
    }
}
