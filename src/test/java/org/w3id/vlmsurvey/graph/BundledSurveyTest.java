package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.validate.ShapesValidator;

/** The bundled survey (data/vlm-survey.md, 2023-06-07): exact counts from SOURCE.md and issue 2. */
class BundledSurveyTest {
    static SurveyGraph.Result result;
    static Graph data;

    static final String PREFIXES =
            """
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            BASE <https://w3id.org/vlm-survey/resource/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX fabio: <http://purl.org/spar/fabio/>
            """;

    @BeforeAll
    static void build() {
        result = SurveyGraph.build(SurveyGraph.Source.file(Path.of("data/vlm-survey.md")), 2);
        data = result.data();
    }

    static List<String> column(String query) {
        List<String> out = new ArrayList<>();
        try (QueryExec qe = QueryExec.graph(data).query(PREFIXES + query).build()) {
            RowSet rs = qe.select();
            String var = rs.getResultVars().get(0).getVarName();
            rs.forEachRemaining(b -> {
                var n = b.get(var);
                out.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            });
        }
        return out;
    }

    static long count(String where) {
        return Long.parseLong(
                column("SELECT (COUNT(DISTINCT ?x) AS ?n) { " + where + " }").get(0));
    }

    @Test
    void noErrors() {
        assertEquals(
                List.of(), result.problems().stream().filter(Problem::isError).toList());
    }

    @Test
    void warningsAreExactlyTheRealIrregularities() {
        String code =
                " is not a repository URL (GitHub, GitLab, Bitbucket, Gitee, Codeberg, Hugging Face or SourceForge):"
                        + " label it \"Project\" if it is a project page";
        assertEquals(
                List.of(
                        "menu data/vlm-survey.md:75: warning: heading \"Image Classification\" is not in the menu (line 30): add \"[Image Classification](#image-classification)\"",
                        "menu data/vlm-survey.md:107: warning: heading \"Image-Text Retrieval\" is not in the menu (line 30): add \"[Image-Text Retrieval](#image-text-retrieval)\"",
                        "datasets data/vlm-survey.md:112: warning: dataset \"COCO Caption\" has year 2015 here but another year at line 55",
                        "menu data/vlm-survey.md:115: warning: heading \"Action Recognition\" is not in the menu (line 30): add \"[Action Recognition](#action-recognition)\"",
                        "menu data/vlm-survey.md:123: warning: heading \"Object Detection\" is not in the menu (line 30): add \"[Object Detection](#object-detection)\"",
                        "menu data/vlm-survey.md:132: warning: heading \"Semantic Segmentation\" is not in the menu (line 30): add \"[Semantic Segmentation](#semantic-segmentation)\"",
                        "code-links data/vlm-survey.md:158: warning: code link \"https://google-research.github.io/vision_transformer/lit/\""
                                + code,
                        "code-links data/vlm-survey.md:204: warning: code link \"https://www.adrianbulat.com/lasp\""
                                + code),
                result.problems().stream().map(p -> p.rule() + " " + p).toList());
    }

    @Test
    void conformsToShapes() {
        assertTrue(ShapesValidator.report(data).conforms(), () -> ShapesValidator.validate(data, "x")
                .toString());
    }

    @Test
    void fortyOnePapers() {
        assertEquals(41, count("?x a vlm:Paper"));
    }

    @Test
    void papersPerCategory() {
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "Pre-training with Contrastive Objective", 25L,
                "Pre-training with Generative Objective", 2L,
                "Pre-training with Alignment Objective", 3L,
                "Transfer with Text Prompt Tuning", 11L));
        Map<String, Long> actual = new TreeMap<>();
        try (QueryExec qe = QueryExec.graph(data)
                .query(PREFIXES
                        + "SELECT ?l (COUNT(?p) AS ?n) { ?p a vlm:Paper ; vlm:category/skos:prefLabel ?l } GROUP BY ?l")
                .build()) {
            qe.select()
                    .forEachRemaining(b -> actual.put(
                            b.get("l").getLiteralLexicalForm(),
                            Long.parseLong(b.get("n").getLiteralLexicalForm())));
        }
        assertEquals(expected, actual);
    }

    @Test
    void thirtyPreTrainingPapersThroughTheTree() {
        assertEquals(30, count("?x vlm:category/skos:broader* <category/vision-language-pre-training-methods>"));
    }

    @Test
    void categoryTreeMirrorsTheHeadings() {
        assertEquals(
                List.of(
                        "Vision-Language Pre-training Methods|",
                        "Pre-training with Contrastive Objective|Vision-Language Pre-training Methods",
                        "Pre-training with Generative Objective|Vision-Language Pre-training Methods",
                        "Pre-training with Alignment Objective|Vision-Language Pre-training Methods",
                        "Vision-Language Model Transfer Learning Methods|",
                        "Transfer with Prompt Tuning|Vision-Language Model Transfer Learning Methods",
                        "Transfer with Text Prompt Tuning|Transfer with Prompt Tuning",
                        "Transfer with Visual Prompt Tuning|Transfer with Prompt Tuning",
                        "Transfer with Text and Visual Prompt Tuning|Transfer with Prompt Tuning",
                        "Transfer with Feature Adapter|Vision-Language Model Transfer Learning Methods",
                        "Transfer with Other Methods|Vision-Language Model Transfer Learning Methods",
                        "Vision-Language Model Knowledge Distillation Methods|"),
                column(
                        "SELECT (CONCAT(?l, '|', COALESCE(?b, '')) AS ?x) { ?c a vlm:MethodCategory ; skos:prefLabel ?l ; vlm:sourceLine ?line "
                                + "OPTIONAL { ?c skos:broader/skos:prefLabel ?b } } ORDER BY ?line"));
    }

    @Test
    void fiftyFiveDatasetsFromFiftySixRows() {
        assertEquals(55, count("?x a vlm:Dataset"));
        assertEquals(16, count("?x a vlm:PretrainingDataset"));
        assertEquals(40, count("?x a vlm:EvaluationDataset"));
        assertEquals(56, count("?d a vlm:Dataset ; vlm:sourceLine ?l BIND(?l AS ?x)"));
        assertEquals(
                List.of("COCO Caption"),
                column("SELECT ?n { ?d a vlm:PretrainingDataset, vlm:EvaluationDataset ; dcterms:title ?n }"));
    }

    @Test
    void evaluationDatasetsPerTask() {
        assertEquals(
                List.of(
                        "Action Recognition 3",
                        "Image Classification 27",
                        "Image-Text Retrieval 2",
                        "Object Detection 4",
                        "Semantic Segmentation 4"),
                column(
                        "SELECT (CONCAT(?t, ' ', STR(COUNT(?d))) AS ?x) { ?d vlm:evaluationTask/skos:prefLabel ?t } GROUP BY ?t ORDER BY ?t"));
    }

    @Test
    void clipIsBothAPaperAndThePublicationOfADataset() {
        assertEquals(
                List.of("ALIGN", "CLIP", "FILIP", "WebLI"),
                column("SELECT ?n { ?d vlm:introducedIn ?p . ?p a vlm:Paper . ?d dcterms:title ?n } ORDER BY ?n"));
        assertEquals(16, count("?d a vlm:PretrainingDataset ; vlm:introducedIn ?x"));
    }

    @Test
    void contrastiveWithCodeIn2022() {
        assertEquals(
                List.of(
                        "AltCLIP",
                        "Chinese CLIP",
                        "DeCLIP",
                        "FIBER",
                        "GroupViT",
                        "K-LITE",
                        "KELIP",
                        "LiT",
                        "SLIP",
                        "SegCLIP",
                        "UniCL",
                        "ZeroVL"),
                column(
                        "SELECT ?n { ?p vlm:category <category/pre-training-with-contrastive-objective> ; "
                                + "fabio:hasPublicationYear \"2022\"^^xsd:gYear ; vlm:codeAvailability vlm:CodeReleased ; vlm:shortName ?n } ORDER BY STR(?n)"));
    }

    @Test
    void numbersAreParsed() {
        assertEquals(List.of("1800000000"), column("SELECT ?n { <dataset/align> vlm:imageTextPairs ?n }"));
        assertEquals(List.of("870000"), column("SELECT ?n { <dataset/localized-narratives> vlm:imageTextPairs ?n }"));
        assertEquals(List.of("1281167"), column("SELECT ?n { <dataset/imagenet-1k> vlm:trainingSize ?n }"));
        assertEquals(
                List.of("108"), column("SELECT ?n { <dataset/wikipedia-based-image-text> vlm:numberOfLanguages ?n }"));
        assertEquals(List.of("100"), column("SELECT ?n { <dataset/laion5b> vlm:minNumberOfLanguages ?n }"));
        assertEquals(
                List.of("http://id.loc.gov/vocabulary/iso639-1/zh"),
                column("SELECT ?l { <dataset/wukong> dcterms:language ?l }"));
        assertEquals(
                List.of("mSAP", "mWAP"),
                column("SELECT ?m { <dataset/rareact> vlm:evaluationMetric/skos:prefLabel ?m } ORDER BY ?m"));
    }

    @Test
    void everyResourceRecordsItsSourceLine() {
        assertEquals(
                0,
                count(
                        "?x a ?c . FILTER(?c IN (vlm:Paper, vlm:Dataset, vlm:MethodCategory, vlm:EvaluationTask, "
                                + "vlm:EvaluationMetric, vlm:Venue, vlm:CodeRepository)) FILTER NOT EXISTS { ?x vlm:sourceLine ?l }"));
    }

    @Test
    void everyTableRowIsAccountedFor() {
        // 41 paper rows + 56 dataset rows in the file; each row line is the source line of a paper or dataset
        assertEquals(97, count("{ ?r a vlm:Paper } UNION { ?r a vlm:Dataset } ?r vlm:sourceLine ?x"));
    }

    @Test
    void everyRowIsOneSurveyEntryListingOnePaperOrDataset() {
        // 41 paper rows and 56 dataset rows: 97 entries, each listing exactly one paper or dataset, each on its own
        // line
        assertEquals(97, count("?x a vlm:SurveyEntry"));
        assertEquals(41, count("?x a vlm:SurveyEntry ; vlm:lists/a vlm:Paper"));
        assertEquals(56, count("?x a vlm:SurveyEntry ; vlm:lists/a vlm:Dataset"));
        assertEquals(97, count("?e a vlm:SurveyEntry ; vlm:sourceLine ?x"));
        assertEquals(
                0,
                count(
                        "?x a vlm:SurveyEntry . { ?x vlm:lists ?a , ?b FILTER (?a != ?b) } UNION { FILTER NOT EXISTS { ?x vlm:lists ?c } }"));
        assertEquals(0, count("?x vlm:lists ?p . FILTER NOT EXISTS { ?p vlm:listedIn ?x }"));
        assertEquals(java.util.Set.of(), SurveyGraph.unaccounted(result));
    }

    @Test
    void aListingSaysWhatItsRowSays() {
        assertEquals(
                List.of(
                        "CLIP: Learning Transferable Visual Models From Natural Language Supervision|ICML 2021|2021|"
                                + "Pre-training with Contrastive Objective|https://w3id.org/vlm-survey/resource/category/pre-training-with-contrastive-objective"),
                column(
                        "SELECT (CONCAT(?t, '|', ?v, '|', STR(?y), '|', ?h, '|', STR(?c)) AS ?x) {"
                                + " <entry/paper/arxiv-2103.00020/pre-training-with-contrastive-objective> vlm:lists <paper/arxiv-2103.00020> ;"
                                + " vlm:listedTitle ?t ; vlm:venueLabel ?v ; vlm:listedYear ?y ; vlm:listedHeading ?h ; vlm:listedUnder ?c }"));
        // COCO Caption is listed twice, with two years: the dataset keeps both entries
        assertEquals(
                List.of("datasets-for-vlm-pre-training 2016", "image-text-retrieval 2015"),
                column("SELECT (CONCAT(REPLACE(STR(?e), '^.*/', ''), ' ', STR(?y)) AS ?x) {"
                        + " <dataset/coco-caption> vlm:listedIn ?e . ?e vlm:listedYear ?y } ORDER BY ?x"));
    }

    @Test
    void entryIrisDoNotDependOnLines() throws java.io.IOException {
        // the same README with lines added at the top (as a later version would): the same entries, the same IRIs
        String text = java.nio.file.Files.readString(Path.of("data/vlm-survey.md"));
        String shifted = "# A new title\n\nSome news.\n\n" + text;
        Graph moved = SurveyGraph.build(new SurveyGraph.Source("shifted.md", writeTemp(shifted), null), 2)
                .data();
        java.util.function.Function<Graph, java.util.Set<String>> entries = g -> {
            java.util.Set<String> out = new java.util.TreeSet<>();
            g.find(
                            org.apache.jena.graph.Node.ANY,
                            org.apache.jena.vocabulary.RDF.type.asNode(),
                            org.w3id.vlmsurvey.vocab.VLM.SurveyEntry.asNode())
                    .forEachRemaining(t -> out.add(t.getSubject().getURI()));
            return out;
        };
        assertEquals(97, entries.apply(data).size());
        assertEquals(entries.apply(data), entries.apply(moved));
    }

    static Path writeTemp(String text) throws java.io.IOException {
        Path f = java.nio.file.Files.createTempFile("vlm-survey-shifted", ".md");
        f.toFile().deleteOnExit();
        java.nio.file.Files.writeString(f, text);
        return f;
    }
}
