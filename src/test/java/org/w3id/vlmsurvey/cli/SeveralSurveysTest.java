package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance of issue 18, part 3, through the program's entry path: {@code --source} given several times. */
class SeveralSurveysTest {
    static final String BUNDLED = "data/vlm-survey.md", PROMPTING = "src/test/resources/surveys/prompting.md";
    static final String RES = "https://w3id.org/vlm-survey/resource/";

    @Test
    void aPaperListedByBothSurveysIsOneResourceWithOneListingPerSurvey() {
        Cli.Run run = Cli.run("export", "--format", "nt", "--no-ontology", "--source", BUNDLED, "--source", PROMPTING);
        assertEquals(0, run.exit(), run.err());
        String clip = "<" + RES + "paper/arxiv-2103.00020>";
        List<String> listings = run.out()
                .lines()
                .filter(l -> l.startsWith(clip + " <https://w3id.org/vlm-survey/ontology#listedIn> "))
                .toList();
        assertEquals(
                List.of(
                        clip + " <https://w3id.org/vlm-survey/ontology#listedIn> <" + RES
                                + "entry/paper/arxiv-2103.00020/pre-training-with-contrastive-objective> .",
                        clip + " <https://w3id.org/vlm-survey/ontology#listedIn> <" + RES
                                + "survey/awesome-prompt-learning-test-fixture/entry/paper/arxiv-2103.00020/contrastive-models> ."),
                listings);
        assertEquals(
                1,
                run.out()
                        .lines()
                        .filter(l -> l.startsWith(clip + " <http://purl.org/dc/terms/title> "))
                        .count(),
                "one resource, one title");
        assertTrue(run.out()
                .contains("<" + RES
                        + "survey/awesome-prompt-learning-test-fixture/entry/paper/arxiv-2103.00020/contrastive-models>"
                        + " <https://w3id.org/vlm-survey/ontology#sourceDocument> <" + RES
                        + "survey/awesome-prompt-learning-test-fixture> ."));
    }

    @Test
    void theBundledFileAsTheOneSourceGivesTheBytesOfTheDefault() {
        for (String format : List.of("ttl", "nt")) {
            Cli.Run byDefault = Cli.run("export", "--format", format);
            Cli.Run given = Cli.run("export", "--format", format, "--source", BUNDLED);
            assertEquals(0, byDefault.exit(), byDefault.err());
            assertEquals(byDefault.out(), given.out(), format);
        }
        Cli.Run nt = Cli.run("export", "--format", "nt", "--no-ontology", "--source", BUNDLED);
        assertTrue(!nt.out().contains("<https://w3id.org/vlm-survey/ontology#Survey>"), "one survey: no vlm:Survey");
        // the data of the bundled survey, byte for byte as written before several surveys were possible (commit
        // d96c8b6)
        assertEquals(
                "337f6ea056d6086f19c64d232a9953a31da94e55e806d412c897eb7c2f6612b4",
                java.util.HexFormat.of().formatHex(sha256(nt.out())));
    }

    static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badInputNamesTheFileAndLineOfTheRightSource(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("check", "--source", BUNDLED, "--source", "src/test/resources/surveys/broken.md");
        assertEquals(Main.PROBLEMS, run.exit());
        assertTrue(
                run.out()
                        .contains(
                                "src/test/resources/surveys/broken.md:8: error: row not mapped: no paper title in its first cell"),
                run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith(BUNDLED) && l.contains(": error: ")), run.out());
        Cli.Run export = Cli.run(
                "export",
                "--source",
                PROMPTING,
                "--source",
                "src/test/resources/surveys/broken.md",
                "-o",
                dir.resolve("x.ttl").toString());
        assertEquals(Main.PROBLEMS, export.exit());
        assertTrue(export.err().contains("src/test/resources/surveys/broken.md:8: error: "), export.err());
        // a source that cannot be read is named too, whichever position it has
        Cli.Run missing = Cli.run(
                "check",
                "--source",
                PROMPTING,
                "--source",
                dir.resolve("none.md").toString());
        assertEquals(Main.PROBLEMS, missing.exit());
        assertTrue(
                missing.out().contains(dir.resolve("none.md") + ":0: error: no such file")
                        || missing.out().contains(dir.resolve("none.md") + ": error: no such file"),
                missing.out());
        Files.writeString(dir.resolve("empty.md"), "# Nothing here\n\nJust text.\n");
        Cli.Run empty = Cli.run(
                "stats",
                "--source",
                PROMPTING,
                "--source",
                dir.resolve("empty.md").toString());
        assertEquals(Main.PROBLEMS, empty.exit());
        assertTrue(empty.err().contains(dir.resolve("empty.md") + ":"), empty.err());
    }

    @Test
    void statsCountsTheMergedGraph() {
        Cli.Run one = Cli.run("stats", "--source", PROMPTING);
        Cli.Run both = Cli.run("stats", "--source", BUNDLED, "--source", PROMPTING);
        assertEquals(0, both.exit(), both.err());
        assertTrue(one.out().lines().anyMatch(l -> l.matches("vlm:Paper\\s+7")), one.out());
        // 41 of the bundled survey, 3 of the fixture's 7 are new (MaPLe, the DOI and the URL paper)
        assertTrue(both.out().lines().anyMatch(l -> l.matches("vlm:Paper\\s+44")), both.out());
    }

    /** A block per survey, exactly what {@code stats --source} of that survey alone prints, then the merged totals. */
    @Test
    void statsGivesEachSurveysReportThenTheMergedTotals() {
        Cli.Run bundled = Cli.run("stats", "--source", BUNDLED), prompting = Cli.run("stats", "--source", PROMPTING);
        Cli.Run both = Cli.run("stats", "--source", BUNDLED, "--source", PROMPTING);
        assertEquals(0, both.exit(), both.err());
        String expected = "Survey 1 of 2: Vision Language Models for Vision Tasks: A Survey\n"
                + "  " + RES + "survey\n  " + BUNDLED + "\n\n"
                + bundled.out() + "\n"
                + "Survey 2 of 2: Awesome Prompt Learning (test fixture)\n"
                + "  " + RES + "survey/awesome-prompt-learning-test-fixture\n  " + PROMPTING + "\n\n"
                + prompting.out() + "\n"
                + "All 2 surveys, merged (a paper listed by several counts once):\n\n"
                + "triples (as served)              3748 = 3274 data + 474 ontology + 0 links\n"
                + "vlm:Paper                          44\n"
                + "vlm:Dataset                        55\n"
                + "vlm:PretrainingDataset             16\n"
                + "vlm:EvaluationDataset              40\n"
                + "vlm:MethodCategory                 16\n"
                + "vlm:EvaluationTask                  5\n"
                + "vlm:EvaluationMetric               10\n"
                + "vlm:Venue                          12\n"
                + "vlm:CodeRepository                 31\n"
                + "lines with a paper link read       62 of 64\n";
        assertEquals(expected, both.out().replace("\r\n", "\n"));
        assertTrue(bundled.out().startsWith("triples (as served)"), "one source: the report as before");
    }

    @Test
    void commandsThatReadOneSurveySaySo() {
        Cli.Run run = Cli.run("render", "--source", BUNDLED, "--source", PROMPTING);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("give one --source"), run.err());
    }
}
