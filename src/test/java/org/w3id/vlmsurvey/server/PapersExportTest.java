package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.jbibtex.BibTeXDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.export.BibTeXTest;

/**
 * The exports of {@code /papers} keep its filters: {@code .csv}, {@code .json}, {@code .bib} and {@code .ris} (and
 * the same by {@code Accept}) give exactly the rows the HTML page shows for the same parameters, on the bundled
 * survey over real HTTP.
 */
class PapersExportTest {
    static String base;
    static final String MISSION = "category=pre-training-with-contrastive-objective&year=2022&code=yes";
    static final String PAPER = "https://w3id.org/vlm-survey/resource/paper/arxiv-";
    /** The mission's 12 papers: contrastive pre-training, 2022, with code. */
    static final Set<String> TWELVE = Set.of(
            "2110.05208",
            "2203.14463",
            "2112.09331",
            "2112.12750",
            "2204.03610",
            "2111.07991",
            "2202.11094",
            "2204.09222",
            "2206.07643",
            "2211.01335",
            "2211.06679",
            "2211.14813");

    @BeforeAll
    static void start() {
        base = BundledServer.get().url();
    }

    static String get(String path, String accept) {
        var r = Http.get(base + path, accept);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** The papers of the rows the HTML page shows (rows without {@code hidden}), in order. */
    static List<String> shownInHtml(String html) {
        List<String> papers = new ArrayList<>();
        Matcher row = Pattern.compile("<tr data-category=([^>]*)>").matcher(html);
        while (row.find()) {
            if (row.group(1).contains(" hidden")) continue;
            Matcher link = Pattern.compile("/resource/paper/([a-z0-9.-]+)").matcher(html);
            if (link.find(row.end())) papers.add("https://w3id.org/vlm-survey/resource/paper/" + link.group(1));
        }
        return papers;
    }

    static List<String> csvPapers(String csv) {
        return csv.lines().skip(1).map(l -> l.split(",")[0]).toList();
    }

    static List<String> jsonPapers(String json) {
        JsonArray a = JSON.parseAny(json).getAsArray();
        List<String> papers = new ArrayList<>();
        a.forEach(v -> papers.add(v.getAsObject().getString("paper")));
        return papers;
    }

    static List<String> risIds(String ris) {
        return ris.lines()
                .filter(l -> l.startsWith("UR  - "))
                .map(l -> l.substring(6))
                .toList();
    }

    @Test
    void theMissionsFiltersGiveTheSameTwelveRowsInEveryFormat() {
        Set<String> twelve = new LinkedHashSet<>();
        for (String id : TWELVE) twelve.add(PAPER + id);
        List<String> html = shownInHtml(get("/papers?" + MISSION, "text/html"));
        assertEquals(twelve, new java.util.TreeSet<>(html).stream().collect(java.util.stream.Collectors.toSet()));
        assertEquals(12, html.size(), "12 rows shown: " + html);
        List<String> csv = csvPapers(get("/papers.csv?" + MISSION, null));
        assertEquals(html, csv, "CSV: the rows shown, in order");
        assertEquals(csv, csvPapers(get("/papers?" + MISSION, "text/csv")));
        assertEquals(csv, csvPapers(get("/papers?" + MISSION + "&format=csv", null)));
        assertEquals(html, jsonPapers(get("/papers.json?" + MISSION, null)), "JSON");
        assertEquals(html, jsonPapers(get("/papers?" + MISSION, "application/json")));
        BibTeXDatabase bib = BibTeXTest.parse(get("/papers.bib?" + MISSION, null));
        assertEquals(12, bib.getEntries().size(), "BibTeX");
        assertEquals(
                12,
                BibTeXTest.parse(get("/papers?" + MISSION, "application/x-bibtex"))
                        .getEntries()
                        .size());
        String ris = get("/papers.ris?" + MISSION, null);
        List<String> risUrls = risIds(ris);
        assertEquals(12, ris.lines().filter(l -> l.startsWith("TY  - ")).count(), "RIS records");
        assertEquals(
                html.stream()
                        .map(p -> "https://arxiv.org/abs/" + p.substring(PAPER.length()))
                        .toList(),
                risUrls,
                "RIS: the same papers in the same order");
        assertEquals(ris, get("/papers?" + MISSION, "application/x-research-info-systems"));
        assertEquals(ris, get("/papers?" + MISSION + "&format=ris", null));
    }

    @Test
    void everyFilterAndTheSearchTextNarrowEveryFormatAlike() {
        for (String params : List.of(
                "",
                "category=transfer-with-prompt-tuning",
                "venue=CVPR",
                "year=2023",
                "code=yes",
                "q=" + Http.enc("prompt"),
                "q=clip&year=2022",
                "category=category/pre-training-with-alignment-objective&venue=NeurIPS")) {
            List<String> html = shownInHtml(get("/papers?" + params, "text/html"));
            assertEquals(html, csvPapers(get("/papers.csv?" + params, null)), params);
            assertEquals(html, jsonPapers(get("/papers.json?" + params, null)), params);
            Set<String> distinct = new LinkedHashSet<>(html);
            assertEquals(
                    distinct.size(),
                    BibTeXTest.parse(get("/papers.bib?" + params, null))
                            .getEntries()
                            .size(),
                    params);
            assertEquals(
                    distinct.size(),
                    get("/papers.ris?" + params, null)
                            .lines()
                            .filter(l -> l.startsWith("ER  - "))
                            .count(),
                    params);
        }
        assertEquals(
                Set.of(
                        PAPER + "2211.01335",
                        PAPER + "2211.06679",
                        PAPER + "2211.14813",
                        PAPER + "2210.09996",
                        PAPER + "2204.14095",
                        PAPER + "2209.13430",
                        PAPER + "2110.05208",
                        PAPER + "2209.09407"),
                new java.util.HashSet<>(csvPapers(get("/papers.csv?q=clip&year=2022", null))));
    }

    @Test
    void badFiltersAreRefusedAlikeInEveryFormat() {
        for (String ext : List.of("", ".csv", ".json", ".bib", ".ris")) {
            assertEquals(
                    404,
                    Http.get(base + "/papers" + ext + "?category=no-such", null).statusCode(),
                    ext);
            assertEquals(
                    400, Http.get(base + "/papers" + ext + "?year=20x2", null).statusCode(), ext);
            assertEquals(
                    400, Http.get(base + "/papers" + ext + "?code=no", null).statusCode(), ext);
            assertEquals(
                    404, Http.get(base + "/papers" + ext + "?venue=NOPE", null).statusCode(), ext);
            assertEquals(
                    400,
                    Http.get(base + "/papers" + ext + "?q=" + Http.enc("((x"), null)
                            .statusCode(),
                    ext);
        }
        assertEquals(404, Http.get(base + "/datasets.ris", null).statusCode());
        assertEquals(404, Http.get(base + "/venues.bib", null).statusCode());
    }
}
