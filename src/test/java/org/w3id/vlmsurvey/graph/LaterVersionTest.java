package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.diagnostics.Problem;

/**
 * A survey README shaped like the later versions (2024-2025): a News section of bullet entries under level-4
 * headings, knowledge-distillation tables, new sections, and the irregular rows those versions really have.
 */
class LaterVersionTest {
    static SurveyGraph.Result r;

    @BeforeAll
    static void build() {
        r = SurveyGraph.build(
                SurveyGraph.Source.file(Path.of("src/test/resources/later-version/vlm-survey-later.md")), 2);
    }

    static List<String> column(String q) {
        List<String> out = new ArrayList<>();
        try (QueryExec qe = QueryExec.graph(r.data())
                .query(
                        """
                PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                """
                                + q)
                .build()) {
            qe.select().forEachRemaining(b -> out.add(b.get(b.vars().next()).getLiteralLexicalForm()));
        }
        return out;
    }

    @Test
    void noErrorsAndEveryEntryAccountedFor() {
        assertEquals(List.of(), r.problems().stream().filter(Problem::isError).toList());
        assertEquals(Set.of(), SurveyGraph.unaccounted(r));
    }

    @Test
    void everyRowAndEntryIsAPaper() {
        // 5 bullet entries + 12 paper rows, and CoOp is listed twice (one paper, two categories): 16 papers
        assertEquals(List.of("16"), column("SELECT (STR(COUNT(DISTINCT ?p)) AS ?n) { ?p a vlm:Paper }"));
        assertEquals(
                List.of("Transfer with Other Methods", "Transfer with Text Prompt Tuning"),
                column("SELECT ?c { ?p vlm:shortName \"CoOp\" ; vlm:category/skos:prefLabel ?c } ORDER BY ?c"));
    }

    @Test
    void everyRowAndEntryIsASurveyEntry() {
        // 17 paper listings (5 bullet entries + 12 paper rows) and 4 dataset rows; CoOp's two listings are two entries
        assertEquals(List.of("21"), column("SELECT (STR(COUNT(?e)) AS ?n) { ?e a vlm:SurveyEntry }"));
        assertEquals(List.of("17"), column("SELECT (STR(COUNT(?e)) AS ?n) { ?e vlm:lists/a vlm:Paper }"));
        assertEquals(List.of("4"), column("SELECT (STR(COUNT(?e)) AS ?n) { ?e vlm:lists/a vlm:Dataset }"));
        assertEquals(
                List.of("Transfer with Other Methods IJCV 2022", "Transfer with Text Prompt Tuning IJCV 2022"),
                column("SELECT (CONCAT(?h, ' ', ?v) AS ?x) { ?p vlm:shortName \"CoOp\" ; vlm:listedIn ?e . "
                        + "?e vlm:listedHeading ?h ; vlm:venueLabel ?v } ORDER BY ?x"));
    }

    @Test
    void newHeadingsBecomeCategoriesInTheirPlace() {
        assertEquals(
                List.of(
                        // News and its sub-headings are not method categories (issue 16): their entries are
                        // filed under the category their sub-heading names
                        "Vision-Language Pre-training Methods > ",
                        "Pre-training with Contrastive Objective > Vision-Language Pre-training Methods",
                        "Pre-training with Alignment Objective > Vision-Language Pre-training Methods",
                        "Vision-Language Model Transfer Learning Methods > ",
                        "Transfer with Prompt Tuning > Vision-Language Model Transfer Learning Methods",
                        "Transfer with Text Prompt Tuning > Transfer with Prompt Tuning",
                        "Transfer with Visual Prompt Tuning > Transfer with Prompt Tuning",
                        "Transfer with Other Methods > Vision-Language Model Transfer Learning Methods",
                        "Vision-Language Model Knowledge Distillation Methods > ",
                        "Knowledge Distillation for Object Detection > Vision-Language Model Knowledge Distillation Methods",
                        "Knowledge Distillation for Semantic Segmentation > Vision-Language Model Knowledge Distillation Methods",
                        "Knowledge Distillation for Other Tasks > Vision-Language Model Knowledge Distillation Methods"),
                column(
                        "SELECT (CONCAT(?l, ' > ', COALESCE(?b, '')) AS ?x) { ?c a vlm:MethodCategory ; skos:prefLabel ?l ; "
                                + "vlm:sourceLine ?line OPTIONAL { ?c skos:broader/skos:prefLabel ?b } } ORDER BY ?line"));
    }

    @Test
    void irregularRowsAreRead() {
        assertEquals(
                List.of("CLIPS: An Enhanced CLIP Framework for Learning with Synthetic Captions"),
                column("SELECT ?t { ?p vlm:shortName \"CLIPS\" ; dcterms:title ?t }"));
        assertEquals(
                List.of("ICLRW 2022"),
                column("SELECT (CONCAT(?a, ' ', STR(?y)) AS ?x) { ?p vlm:shortName \"KELIP\" ; "
                        + "vlm:publishedIn/vlm:acronym ?a ; <http://purl.org/spar/fabio/hasPublicationYear> ?y }"));
        assertEquals(
                List.of("https://github.com/guozix/TaI-DPT"),
                column(
                        "SELECT (STR(?u) AS ?x) { ?p dcterms:title ?t FILTER STRSTARTS(?t, 'Texts as Images') ?p vlm:codeRepository/<https://schema.org/url> ?u }"));
        assertEquals(
                List.of("https://w3id.org/vlm-survey/ontology#CodeNotListed"),
                column(
                        "SELECT (STR(?a) AS ?x) { ?p dcterms:title ?t FILTER STRSTARTS(?t, 'Anchor-based') ?p vlm:codeAvailability ?a }"));
    }
}
