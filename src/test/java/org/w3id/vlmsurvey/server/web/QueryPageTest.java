package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query page's example titles (whole sentences) and its local vocabulary for autocompletion and links. */
class QueryPageTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "# Which papers?\\nSELECT * {}|Which papers?",
                "# What is the tree of categories, and how many papers sit under each category including its\\n# sub-categories, in order?\\nPREFIX x: <y>|What is the tree of categories, and how many papers sit under each category including its sub-categories, in order?",
                "# How many datasets per year?\\n# A dataset counts once.\\nSELECT|How many datasets per year?",
                "# Question: for each paper, which Wikidata item is it, and when was it\\n# published?\\n# requires: SERVICE|For each paper, which Wikidata item is it, and when was it published?",
                "# Which venues published most? (arXiv counts as a venue)\\nSELECT|Which venues published most?",
                "# Sizes of 1.8B pairs\\nSELECT|Sizes of 1.8B pairs",
                "\\n#\\n# Papers of the survey.\\n\\nSELECT|Papers of the survey.",
                "SELECT * {} # not a title|q",
            })
    void titleIsTheFirstSentenceOfTheLeadingComment(String query, String title) {
        assertEquals(title, WebPageServlet.title("q.rq", query.replace("\\n", "\n")));
    }

    @Test
    void everyExampleTitleIsAWholeSentence() {
        for (JsonValue e : WebPageServlet.examples()) {
            String title = e.getAsObject().getString("title");
            assertTrue(title.matches("[A-Z].*[?.!]"), title);
        }
    }

    @Test
    void vocabularyOffersTheProjectsPrefixesTermsAndLocalPages() {
        JsonObject v = WebPageServlet.vocabulary();
        JsonObject prefixes = v.getObj("prefixes");
        for (String p : new String[] {
            "vlm", "res", "schema", "fabio", "bibo", "prism", "dcterms", "skos", "dcat", "text", "rdfs", "xsd"
        }) assertTrue(prefixes.hasKey(p), p);
        assertEquals("http://jena.apache.org/text#", prefixes.getString("text"));
        assertFalse(prefixes.hasKey("src"), "the build's scaffolding namespace is not in the served graph");
        JsonArray properties = v.get("properties").getAsArray(),
                classes = v.get("classes").getAsArray();
        for (String p : new String[] {
            "http://purl.org/dc/terms/title",
            "https://w3id.org/vlm-survey/ontology#shortName",
            "https://w3id.org/vlm-survey/ontology#category",
            "http://www.w3.org/2004/02/skos/core#prefLabel"
        }) assertTrue(properties.stream().anyMatch(x -> x.getAsString().value().equals(p)), p);
        assertTrue(classes.stream()
                .anyMatch(x -> x.getAsString().value().equals("https://w3id.org/vlm-survey/ontology#Paper")));
        assertEquals(
                "/resource/", v.get("local").getAsArray().get(0).getAsObject().getString("path"));
    }
}
