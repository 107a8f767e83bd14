package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.vlmsurvey.validate.ShapesValidator;
import org.w3id.vlmsurvey.vocab.VLM;

/** Several surveys in one graph: the bundled survey and the fixtures of src/test/resources/surveys/. */
class SurveysTest {
    static final Path DIR = Path.of("src/test/resources/surveys");
    static final String R = VLM.RES, B = R + "survey/awesome-prompt-learning-test-fixture";
    static SurveyGraph.Result merged;

    @BeforeAll
    static void build() {
        merged = Surveys.build(
                List.of(
                        SurveyGraph.Source.bundled().withLinks(null).read(),
                        SurveyGraph.Source.file(DIR.resolve("prompting.md")).read(),
                        SurveyGraph.Source.file(DIR.resolve("prompting-again.md"))
                                .read()),
                2);
    }

    @ParameterizedTest
    @CsvSource({
        // IRI, survey, moved
        R + "category/prompt-learning, " + R + "survey, " + R + "category/prompt-learning",
        R + "category/prompt-learning, " + B + ", " + B + "/category/prompt-learning",
        R + "scheme/method-categories, " + B + ", " + B + "/scheme/method-categories",
        R + "entry/paper/arxiv-1/x, " + B + ", " + B + "/entry/paper/arxiv-1/x",
        R + "task/image-classification, " + B + ", " + B + "/task/image-classification",
        R + "survey, " + B + ", " + B,
        R + "paper/arxiv-2103.00020, " + B + ", " + R + "paper/arxiv-2103.00020",
        R + "dataset/clip, " + B + ", " + R + "dataset/clip",
        R + "venue/cvpr, " + B + ", " + R + "venue/cvpr",
        R + "code/github/openai/clip, " + B + ", " + R + "code/github/openai/clip",
        R + "categoryx, " + B + ", " + R + "categoryx",
        "https://example.org/category/x, " + B + ", https://example.org/category/x",
    })
    void perSurveyResourcesMoveIntoTheSurveysNamespace(String iri, String survey, String moved) {
        assertEquals(moved, Surveys.inSurvey(iri, survey));
    }

    @ParameterizedTest
    @CsvSource({
        R + "category/prompt-learning, " + R + "survey",
        B + "/category/prompt-learning, " + B,
        B + "/entry/paper/arxiv-1/x, " + B,
        R + "scheme/method-categories, " + R + "survey",
        R + "paper/arxiv-2103.00020, ",
        B + ", ",
        R + "survey, ",
        "https://example.org/category/x, ",
    })
    void aPerSurveyResourceNamesItsSurvey(String iri, String survey) {
        assertEquals(survey, Surveys.surveyOf(iri));
        if (survey != null && !survey.equals(R + "survey"))
            assertEquals(
                    iri, Surveys.inSurvey(R + iri.substring((survey + "/").length()), survey), "inverse of inSurvey");
    }

    @Test
    void surveyIrisNeverCollide() {
        Set<String> taken = new HashSet<>();
        assertEquals(R + "survey", Surveys.surveyIri(0, "Awesome VLM", taken));
        assertEquals(R + "survey/awesome-vlm", Surveys.surveyIri(1, "Awesome VLM", taken));
        assertEquals(R + "survey/awesome-vlm-2", Surveys.surveyIri(2, "Awesome  VLM!", taken));
        assertEquals(R + "survey/awesome-vlm-3", Surveys.surveyIri(3, "awesome vlm", taken));
        assertEquals(R + "survey/other", Surveys.surveyIri(4, "Other", taken));
        assertTrue(Surveys.surveyIri(5, "???", taken).startsWith(R + "survey/survey-"));
    }

    @Test
    void theCitationIsTheBlockUnderTheCitationHeading() {
        assertEquals(
                "@misc{x,\n  title={T}\n}",
                Surveys.citation(
                        "# T\n\n## Citation\nPlease cite:\n```bibtex\n@misc{x,\n  title={T}\n}\n```\n## Menu\n"));
        assertEquals("@a{b}", Surveys.citation("## How to cite\n~~~\n@a{b}\n~~~\n"));
        assertNull(Surveys.citation("# T\n\n## Papers\n```\ncode\n```\n"), "a block under another heading");
        assertNull(Surveys.citation("## Citation\nnone yet\n## Papers\n```\ncode\n```\n"), "not past the next heading");
    }

    @Test
    void oneSurveyIsBuiltAsBefore() {
        SurveyGraph.Snapshot s = SurveyGraph.Source.bundled().withLinks(null).read();
        Graph one = Surveys.build(List.of(s), 2).data();
        assertTrue(IsoMatcher.isomorphic(SurveyGraph.build(s, 2, null).data(), one));
        assertTrue(!one.contains(Node.ANY, Node.ANY, Surveys.SURVEY), "no vlm:Survey for one survey");
    }

    @Test
    void aPaperListedByTwoSurveysIsOneResourceWithAListingInEach() {
        Node coop = uri(R + "paper/arxiv-2109.01134");
        assertEquals(
                Set.of(
                        R + "entry/paper/arxiv-2109.01134/transfer-with-text-prompt-tuning",
                        B + "/entry/paper/arxiv-2109.01134/prompt-learning"),
                objects(coop, VLM.listedIn.asNode()));
        assertEquals(
                Set.of(R + "survey"),
                objects(uri(R + "entry/paper/arxiv-2109.01134/transfer-with-text-prompt-tuning"), p("sourceDocument")));
        assertEquals(Set.of(B), objects(uri(B + "/entry/paper/arxiv-2109.01134/prompt-learning"), p("sourceDocument")));
        assertEquals(
                Set.of(R + "category/transfer-with-text-prompt-tuning", B + "/category/prompt-learning"),
                objects(coop, VLM.category.asNode()));
        // the first survey's title; the code of any survey makes it released
        assertEquals(
                1,
                merged.data()
                        .find(coop, uri("http://purl.org/dc/terms/title"), Node.ANY)
                        .toList()
                        .size());
        assertEquals(Set.of(VLM.NS + "CodeReleased"), objects(coop, p("codeAvailability")));
        assertEquals(
                Set.of(VLM.NS + "CodeReleased"),
                objects(uri(R + "paper/arxiv-2205.03340"), p("codeAvailability")),
                "ProDA: code only in the fixture");
    }

    @Test
    void papersMergeByDoiAndByNormalisedUrl() {
        String doi = R + "paper/doi-10.1000%2Fxyz123";
        assertEquals(
                2,
                objects(uri(doi), VLM.listedIn.asNode()).size(),
                "https://doi.org/10.1000/XYZ123 and https://dx.doi.org/10.1000/xyz123");
        TreeSet<String> urlPapers = new TreeSet<>();
        merged.data()
                .find(
                        Node.ANY,
                        uri("http://purl.org/dc/terms/title"),
                        NodeFactory.createLiteralString("A Paper Known by Its Address"))
                .forEachRemaining(t -> urlPapers.add(t.getSubject().getURI()));
        assertEquals(1, urlPapers.size(), "http://www.example.org/papers/known/ and https://example.org/papers/known");
        assertEquals(2, objects(uri(urlPapers.first()), VLM.listedIn.asNode()).size());
    }

    @Test
    void eachSurveyIsDescribedWithItsOwnConceptScheme() {
        String again = B + "-2";
        for (String s : List.of(R + "survey", B, again))
            assertTrue(
                    merged.data()
                            .contains(uri(s), uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), Surveys.SURVEY),
                    s);
        assertEquals(
                Set.of("Awesome Prompt Learning (test fixture)"),
                literals(uri(B), uri("http://purl.org/dc/terms/title")));
        assertEquals(
                Set.of("Vision Language Models for Vision Tasks: A Survey"),
                literals(uri(R + "survey"), uri("http://purl.org/dc/terms/title")));
        assertEquals(Set.of(DIR.resolve("prompting.md").toString()), literals(uri(B), Surveys.SOURCE_FILE));
        assertTrue(literals(uri(R + "survey"), uri("http://purl.org/dc/terms/bibliographicCitation"))
                .iterator()
                .next()
                .startsWith("@article{zhang2023vision,"));
        assertTrue(literals(uri(again), uri("http://purl.org/dc/terms/bibliographicCitation"))
                .isEmpty());
        Node source = uri("http://purl.org/dc/terms/source");
        assertEquals(Set.of(R + "survey"), objects(uri(R + "scheme/method-categories"), source));
        assertEquals(Set.of(B), objects(uri(B + "/scheme/method-categories"), source));
        assertEquals(Set.of(again), objects(uri(again + "/scheme/method-categories"), source));
        // the same heading in two surveys: two categories
        assertTrue(merged.data().contains(uri(B + "/category/prompt-learning"), Node.ANY, Node.ANY));
        assertTrue(merged.data().contains(uri(again + "/category/prompt-learning"), Node.ANY, Node.ANY));
    }

    @Test
    void theMergedGraphConformsToTheShapes() {
        assertEquals(List.of(), ShapesValidator.validate(merged.data(), "merged"));
        assertEquals(
                List.of(), merged.problems().stream().filter(p -> p.isError()).toList());
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    static Node p(String local) {
        return uri(VLM.NS + local);
    }

    static Set<String> objects(Node s, Node p) {
        Set<String> out = new TreeSet<>();
        merged.data()
                .find(s, p, Node.ANY)
                .forEachRemaining(t -> out.add(t.getObject().getURI()));
        return out;
    }

    static Set<String> literals(Node s, Node p) {
        Set<String> out = new TreeSet<>();
        merged.data()
                .find(s, p, Node.ANY)
                .mapWith(Triple::getObject)
                .forEachRemaining(o -> out.add(o.getLiteralLexicalForm()));
        return out;
    }
}
