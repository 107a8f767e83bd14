package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format github|sarif|json} on src/test/resources/checks/curator.md (one problem of each new check):
 * the same problems at the same lines as the text format, each with its rule id; SARIF valid against the vendored
 * SARIF 2.1.0 schema (src/test/resources/sarif).
 */
class ProblemFormatsTest {
    static final String CURATOR = "src/test/resources/checks/curator.md";

    @Test
    void textFormatListsEveryNewCheck() {
        Cli.Run r = Cli.run("check", "--source", CURATOR);
        assertEquals(1, r.exit());
        String code =
                " is not a repository URL (GitHub, GitLab, Bitbucket, Gitee, Codeberg, Hugging Face or SourceForge):"
                        + " label it \"Project\" if it is a project page";
        assertEquals(
                String.join(
                        "\n",
                        CURATOR + ":6: warning: menu link \"#generatve\" goes to no heading",
                        CURATOR
                                + ":15: warning: listed as 2021 but its arXiv id 2303.15343 was submitted in 2023: is the year (or the link) wrong?",
                        CURATOR
                                + ":16: warning: venue \"ICLR W\" is spelled unlike every venue in data/venues.ttl but close to \"ICLRW\": write it so",
                        CURATOR
                                + ":17: warning: code link \"https://google-research.github.io/vision_transformer/lit/\""
                                + code,
                        CURATOR
                                + ":18: warning: \"CLIP: Learning Transferable Visual Models From Natural Language Supervision\" is listed twice under \"Contrastive\": first at line 14",
                        CURATOR
                                + ":19: error: row has 4 cells but the table has 3 columns: the extra cells are not in the graph: |[FILIP: Fine-grained Interactive Language-Image Pre-Training](https://arxiv.org/abs/2111.07783)|ICLR 2022|-|-|",
                        CURATOR
                                + ":21: warning: heading \"Alignment\" is not in the menu (line 3): add \"[Alignment](#alignment)\"",
                        CURATOR
                                + ":25: warning: this listing gives the title \"FILIP revisited: Fine-grained Interactive Pre-Training\" but the listing at line 19 gives \"FILIP: Fine-grained Interactive Language-Image Pre-Training\": the paper takes \"FILIP: Fine-grained Interactive Language-Image Pre-Training\" (latest year, then not a preprint, then first listed); both listings are kept",
                        CURATOR
                                + ":25: warning: this listing gives the venue \"NeurlPS 2022\" but the listing at line 19 gives \"ICLR 2022\": the paper takes \"ICLR 2022\" (latest year, then not a preprint, then first listed); both listings are kept",
                        CURATOR
                                + ":25: warning: venue \"NeurlPS\" is not in data/venues.ttl: it has no full name, kind or dblp stream (cited 1 times)",
                        CURATOR
                                + ":25: warning: venue \"NeurlPS\" is spelled unlike every venue in data/venues.ttl but close to \"NeurIPS\": write it so",
                        CURATOR + ": 1 errors, 10 warnings",
                        ""),
                r.out());
    }

    @Test
    void githubAnnotationsAreTheTextLinesWithTheirRules() {
        Cli.Run text = Cli.run("check", "--source", CURATOR),
                gh = Cli.run("check", "--source", CURATOR, "--format", "github");
        assertEquals(1, gh.exit());
        List<String> lines = gh.out().lines().toList();
        List<String> textLines = text.out().lines().toList();
        assertEquals(textLines.size(), lines.size());
        assertEquals(textLines.get(textLines.size() - 1), lines.get(lines.size() - 1), "the same summary line");
        assertEquals(
                "::warning file=src/test/resources/checks/curator.md,line=6,title=vlm-survey-kg menu::menu link \"#generatve\" goes to no heading",
                lines.get(0));
        assertEquals(
                "::warning file=src/test/resources/checks/curator.md,line=15,title=vlm-survey-kg arxiv-year::listed as 2021 but its arXiv id 2303.15343 was submitted in 2023: is the year (or the link) wrong?",
                lines.get(1));
        assertTrue(lines.get(2).contains(",title=vlm-survey-kg venue-spelling::"), lines.get(2));
        assertTrue(lines.get(3).contains(",title=vlm-survey-kg code-links::"), lines.get(3));
        assertTrue(lines.get(4).contains(",title=vlm-survey-kg duplicate-rows::"), lines.get(4));
        assertTrue(lines.get(5)
                .startsWith(
                        "::error file=src/test/resources/checks/curator.md,line=19,title=vlm-survey-kg row-cells::"));
        assertTrue(lines.get(6).contains(",title=vlm-survey-kg menu::"), lines.get(6));
        assertTrue(lines.get(7).contains(",line=25,title=vlm-survey-kg paper-titles::"), lines.get(7));
        assertTrue(lines.get(8).contains(",line=25,title=vlm-survey-kg listings::"), lines.get(8));
        assertTrue(lines.get(9).contains(",line=25,title=vlm-survey-kg venues::"), lines.get(9));
        assertTrue(lines.get(10).contains(",line=25,title=vlm-survey-kg venue-spelling::"), lines.get(10));
        // every annotation's message is the text line's message, escaped
        for (int i = 0; i < lines.size() - 1; i++) {
            String message = textLines.get(i).replaceFirst("^[^:]+:[0-9]+: (error|warning): ", "");
            assertTrue(lines.get(i).endsWith("::" + message.replace("%", "%25")), lines.get(i));
        }
    }

    @Test
    void githubEscapesPercentLineBreaksAndPropertySeparators() {
        var p = new org.w3id.vlmsurvey.diagnostics.Problem(
                "a,b:c.md", 3, org.w3id.vlmsurvey.diagnostics.Severity.ERROR, "100% sure\r\nnext: line, more", "x");
        assertEquals(
                "::error file=a%2Cb%3Ac.md,line=3,title=vlm-survey-kg x::100%25 sure%0D%0Anext: line, more",
                org.w3id.vlmsurvey.report.ProblemReport.annotation(p));
        var whole = org.w3id.vlmsurvey.diagnostics.Problem.error("README.md", 0, "no such file");
        assertEquals(
                "::error file=README.md,title=vlm-survey-kg source::no such file",
                org.w3id.vlmsurvey.report.ProblemReport.annotation(whole));
    }

    @Test
    void sarifIsValidAndHasOneResultPerProblem() throws Exception {
        Cli.Run r = Cli.run("check", "--source", CURATOR, "--format", "sarif");
        assertEquals(1, r.exit());
        JsonNode log = new ObjectMapper().readTree(r.out());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(log);
        assertEquals(Set.of(), errors);
        // the schema does catch a broken log: a result without its message, a level SARIF does not have
        com.fasterxml.jackson.databind.node.ObjectNode broken = log.deepCopy();
        var result = (com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0");
        result.remove("message");
        result.put("level", "fatal");
        assertEquals(2, schema.validate(broken).size(), schema.validate(broken).toString());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode run = log.get("runs").get(0);
        assertEquals("vlm-survey-kg", run.at("/tool/driver/name").asText());
        List<String> ruleIds = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(rule -> {
            ruleIds.add(rule.get("id").asText());
            assertTrue(rule.at("/help/text").asText().length() > 20, rule.toString());
        });
        assertTrue(
                ruleIds.containsAll(List.of(
                        "source",
                        "shapes",
                        "arxiv-year",
                        "code-links",
                        "duplicate-rows",
                        "menu",
                        "paper-titles",
                        "row-cells",
                        "venue-spelling",
                        "venues",
                        "listings")),
                ruleIds.toString());
        JsonNode results = run.get("results");
        assertEquals(11, results.size());
        JsonNode first = results.get(1);
        assertEquals("arxiv-year", first.get("ruleId").asText());
        assertEquals("arxiv-year", ruleIds.get(first.get("ruleIndex").asInt()));
        assertEquals("warning", first.get("level").asText());
        assertEquals(
                CURATOR,
                first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(
                15, first.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("error", results.get(5).get("level").asText());
        assertEquals(
                19,
                results.get(5)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .asInt());
    }

    @Test
    void sarifOfAnUnreadableFileIsValidToo(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("README.md"), "");
        Cli.Run r = Cli.run("check", "--source", empty.toString(), "--format", "sarif");
        assertEquals(1, r.exit());
        JsonNode log = new ObjectMapper().readTree(r.out());
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
            assertEquals(
                    Set.of(),
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                            .getSchema(in)
                            .validate(log));
        }
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals("source", result.get("ruleId").asText());
        assertTrue(
                result.at("/locations/0/physicalLocation/region").isMissingNode(),
                "a whole-file problem has no region");
    }

    @Test
    void jsonCarriesTheSameProblemsWithRules() throws Exception {
        Cli.Run r = Cli.run("check", "--source", CURATOR, "--format", "json");
        assertEquals(1, r.exit());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(CURATOR, report.get("file").asText());
        assertEquals(1, report.get("errors").asInt());
        assertEquals(10, report.get("warnings").asInt());
        JsonNode p = report.get("problems").get(2);
        assertEquals(16, p.get("line").asInt());
        assertEquals("warning", p.get("severity").asText());
        assertEquals("venue-spelling", p.get("rule").asText());
        assertEquals(
                "venue \"ICLR W\" is spelled unlike every venue in data/venues.ttl but close to \"ICLRW\": write it so",
                p.get("message").asText());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Run r = Cli.run("check", "--source", CURATOR, "--format", "xml");
        assertEquals(2, r.exit());
        assertTrue(
                r.err().startsWith("Invalid value for option '--format': expected one of [TEXT, GITHUB, SARIF, JSON]"),
                r.err());
        assertTrue(r.err().contains("but was 'xml'"), r.err());
    }
}
