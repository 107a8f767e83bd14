package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.export.BibTeXTest;

/** BibTeX over HTTP on the bundled survey, read back with a real BibTeX parser (jbibtex), field by field. */
class CitationsTest {
    static SurveyServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = BundledServer.get();
        base = server.url();
    }

    static BibTeXDatabase bib(String path, String accept) {
        HttpResponse<String> r = Http.get(base + path, accept);
        assertEquals(200, r.statusCode(), path);
        assertTrue(Http.contentType(r).startsWith("application/x-bibtex"), Http.contentType(r));
        return BibTeXTest.parse(r.body());
    }

    static Map<String, String> fields(BibTeXEntry e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("@type", e.getType().getValue());
        for (var x : e.getFields().entrySet())
            f.put(x.getKey().getValue(), x.getValue().toUserString());
        return f;
    }

    @Test
    void allPapers() {
        BibTeXDatabase db = bib("/papers.bib", null);
        assertEquals(41, db.getEntries().size(), "one entry per paper, keys unique");
        Map<String, String> clip = new LinkedHashMap<>();
        clip.put("@type", "inproceedings");
        clip.put("title", "{CLIP}: Learning Transferable Visual Models From Natural Language Supervision");
        clip.put("booktitle", "International Conference on Machine Learning (ICML)");
        clip.put("year", "2021");
        clip.put("eprint", "2103.00020");
        clip.put("archivePrefix", "arXiv");
        clip.put("doi", "10.48550/arXiv.2103.00020");
        clip.put("url", "https://arxiv.org/abs/2103.00020");
        assertEquals(clip, fields(db.resolveEntry(new Key("clip2021"))));
        Map<String, String> coop = new LinkedHashMap<>();
        coop.put("@type", "article");
        coop.put("title", "{CoOp}: Learning to Prompt for Vision-Language Models");
        coop.put("journal", "International Journal of Computer Vision");
        coop.put("year", "2022");
        coop.put("eprint", "2109.01134");
        coop.put("archivePrefix", "arXiv");
        coop.put("doi", "10.48550/arXiv.2109.01134");
        coop.put("url", "https://arxiv.org/abs/2109.01134");
        assertEquals(coop, fields(db.resolveEntry(new Key("coop2022"))));
        // An arXiv-only paper, and a paper with neither arXiv id nor DOI.
        assertEquals(
                "arXiv preprint arXiv:2111.11432",
                fields(db.resolveEntry(new Key("florence2021"))).get("journal"));
        Map<String, String> otter = fields(db.resolveEntry(new Key("otter2021")));
        assertEquals("misc", otter.get("@type"));
        assertEquals("https://github.com/facebookresearch/OTTER", otter.get("url"));
        assertEquals("arXiv", otter.get("howpublished"));
        assertEquals(
                "{LASP}: Text-to-Text Optimization for Language-Aware Soft Prompting of Vision \\& Language Models",
                fields(db.resolveEntry(new Key("lasp2023"))).get("title"),
                "& escaped");
        assertEquals(
                "LASP: Text-to-Text Optimization for Language-Aware Soft Prompting of Vision & Language Models",
                BibTeXTest.plain(db.resolveEntry(new Key("lasp2023")), "title"));
        // The paper without a short name is keyed by the first word of its title.
        assertNotNull(
                db.resolveEntry(new Key("bayesian2022")),
                db.getEntries().keySet().toString());
    }

    @Test
    void aCategoryWithItsSubCategories() {
        Set<String> keys = new TreeSet<>();
        bib("/papers.bib?category=transfer-with-text-prompt-tuning", null)
                .getEntries()
                .keySet()
                .forEach(k -> keys.add(k.getValue()));
        assertEquals(
                new TreeSet<>(List.of(
                        "coop2022",
                        "cocoop2022",
                        "subpt2023",
                        "lasp2023",
                        "proda2022",
                        "bayesian2022",
                        "prograd2022",
                        "cpl2022",
                        "plot2023",
                        "dualcoop2022",
                        "taidpt2022")),
                keys);
        assertEquals(
                11,
                bib("/papers.bib?category=transfer-with-prompt-tuning", null)
                        .getEntries()
                        .size(),
                "sub-categories included");
        assertEquals(
                30,
                bib(
                                "/papers.bib?category=https://w3id.org/vlm-survey/resource/category/vision-language-pre-training-methods",
                                null)
                        .getEntries()
                        .size(),
                "by IRI");
        assertEquals(
                25,
                bib("/papers.bib?category=category/pre-training-with-contrastive-objective", null)
                        .getEntries()
                        .size());
        assertEquals(
                0,
                bib("/papers.bib?category=transfer-with-feature-adapter", null)
                        .getEntries()
                        .size(),
                "an empty category");
        HttpResponse<String> unknown = Http.get(base + "/papers.bib?category=no-such-category", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body()
                .contains("no method category https://w3id.org/vlm-survey/resource/category/no-such-category"));
    }

    @Test
    void onePaper() {
        BibTeXDatabase byAccept = bib("/resource/paper/arxiv-2103.00020", "application/x-bibtex");
        assertEquals(Set.of(new Key("clip2021")), byAccept.getEntries().keySet(), "the same key alone as in the list");
        assertEquals(
                fields(bib("/papers.bib", null).resolveEntry(new Key("clip2021"))),
                fields(byAccept.resolveEntry(new Key("clip2021"))));
        assertEquals(
                1,
                bib("/resource/paper/arxiv-2109.01134.bib", null).getEntries().size());
        assertEquals(
                1,
                bib("/resource/paper/arxiv-2109.01134?format=bib", "text/html")
                        .getEntries()
                        .size());
        assertTrue(
                Http.contentType(Http.get(base + "/resource/paper/arxiv-2103.00020", "text/turtle"))
                        .startsWith("text/turtle"),
                "Turtle stays Turtle");
        assertTrue(
                Http.contentType(Http.get(base + "/resource/paper/arxiv-2103.00020", "*/*"))
                        .startsWith("text/turtle"),
                "BibTeX only when asked for");
        assertEquals(
                404, Http.get(base + "/resource/paper/no-such-paper.bib", null).statusCode());
        assertEquals(
                406,
                Http.get(base + "/resource/venue/cvpr", "application/x-bibtex").statusCode());
    }
}
