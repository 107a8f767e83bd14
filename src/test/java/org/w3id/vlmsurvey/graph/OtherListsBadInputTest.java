package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Other lists of papers that go wrong (issue 18), generated: tables without a title column, a long list, an entry
 * with 50 links, badges only. Each gives clear problems with their lines, and what can be read is read.
 */
class OtherListsBadInputTest {

    static final String ARXIV = "https://arxiv.org/abs/";

    static long papers(SurveyGraph.Result r) {
        return r.data().stream(Node.ANY, RDF.type.asNode(), VLM.Paper.asNode()).count();
    }

    static List<String> messages(SurveyGraph.Result r, int line) {
        return r.problems().stream()
                .filter(p -> p.line() == line)
                .map(Problem::message)
                .collect(Collectors.toList());
    }

    @Test
    void tablesWithoutATitleColumnAreReportedWithEveryLineThatLinksAPaper() {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n## Scores\n\n");
        for (int t = 0; t < 3; t++) {
            md.append("| Benchmark | Score | Link |\n|---|---|---|\n");
            for (int i = 0; i < 4; i++)
                md.append("| Bench-")
                        .append(t)
                        .append(i)
                        .append(" | 8")
                        .append(i)
                        .append(" | [paper](")
                        .append(ARXIV)
                        .append("2401.0")
                        .append(t)
                        .append(i)
                        .append("01) |\n");
            md.append('\n');
        }
        // alone, such a list is refused, at the line of the first table and saying why
        SourceException refused = assertThrows(SourceException.class, () -> Builds.of("no-titles.md", md.toString()));
        assertEquals(5, refused.problem().line());
        assertTrue(
                refused.problem().message().contains("15 problems say why, the first at line 5: table not mapped"),
                refused.problem().message());
        // beside a table that has a title column, every such table and line is reported
        md.append("## Papers\n\n| Title | Venue |\n|---|---|\n| [A Title](")
                .append(ARXIV)
                .append("2402.00001) | CVPR 2024 |\n");
        SurveyGraph.Result r = Builds.of("no-titles.md", md.toString());
        assertEquals(1, papers(r));
        // tables start at lines 5, 12 and 19; their rows follow the delimiter row
        for (int table : new int[] {5, 12, 19}) {
            assertTrue(
                    messages(r, table).stream()
                            .anyMatch(m -> m.startsWith("table not mapped") && m.contains("no title-like column")),
                    r.problems().toString());
            for (int row = table + 2; row < table + 6; row++)
                assertEquals(
                        List.of("line links a paper but was not read as a listing: its table has no title-like column"
                                + " (Title, Paper, Name, Method, Model): "
                                + md.toString().split("\n")[row - 1]),
                        messages(r, row));
        }
        assertEquals(new Stats.PaperLinkLines(1, 13), Stats.paperLinkLines(r));
    }

    @Test
    void aListOfAHundredThousandLinesIsReadWhole() {
        // 100,000 lines: a heading, then 200 entries, each followed by 499 lines of prose that link nothing
        StringBuilder md = new StringBuilder("# A long list\n\n## Papers\n\n");
        int lines = 4, entries = 0;
        while (lines < 100_000) {
            md.append(String.format("- [Paper Number %d](%s2301.%05d), CVPR 2023%n", entries, ARXIV, entries));
            entries++;
            lines++;
            for (int i = 0; i < 499 && lines < 100_000; i++, lines++) md.append(i == 0 ? "\n" : "some prose.\n");
        }
        SurveyGraph.Result r = Builds.of("long.md", md.toString());
        assertEquals(entries, papers(r));
        assertEquals(new Stats.PaperLinkLines(entries, entries), Stats.paperLinkLines(r));
        assertEquals(List.of(), r.problems().stream().filter(Problem::isError).toList());
    }

    @Test
    void anEntryWithFiftyLinksIsOnePaperWithItsLinks() {
        StringBuilder md = new StringBuilder(
                "# A list\n\n## Papers\n\n- [A Title With Many Links](" + ARXIV + "2302.00001), ICLR 2023");
        for (int i = 1; i < 50; i++)
            md.append(" [[mirror ")
                    .append(i)
                    .append("](https://example.org/m")
                    .append(i)
                    .append(")]");
        md.append('\n');
        SurveyGraph.Result r = Builds.of("fifty.md", md.toString());
        assertEquals(1, papers(r));
        Node paper = NodeFactory.createURI("https://w3id.org/vlm-survey/resource/paper/arxiv-2302.00001");
        assertEquals(
                "A Title With Many Links",
                r.data()
                        .find(paper, org.apache.jena.vocabulary.DCTerms.title.asNode(), Node.ANY)
                        .next()
                        .getObject()
                        .getLiteralLexicalForm());
        assertEquals(List.of(), r.problems().stream().filter(Problem::isError).toList());
    }

    @Test
    void badgesOnlyAreReportedNotGuessed() {
        String md = "# A list\n\n## Papers\n\n- [A Real Entry](" + ARXIV + "2303.00001), CVPR 2023\n"
                + "- [![arXiv](https://img.shields.io/badge/arXiv-2303.00002-b31b1b.svg)](" + ARXIV + "2303.00002)"
                + " [![Stars](https://img.shields.io/github/stars/ex/x)](https://github.com/ex/x)\n";
        SurveyGraph.Result r = Builds.of("badges.md", md);
        assertEquals(1, papers(r));
        assertEquals(
                List.of("line links a paper but was not read as a listing: no title was found on it: "
                        + md.split("\n")[5]),
                messages(r, 6));
        assertEquals(new Stats.PaperLinkLines(1, 2), Stats.paperLinkLines(r));
    }

    @Test
    void theBundledSurveyReadsEveryLineThatLinksAPaperButTheTwoOfItsLead() {
        SurveyGraph.Result r = SurveyGraph.build(SurveyGraph.Source.bundled(), 2);
        // lines 4-5 ("**Vision-Language Models for Vision Tasks: A Survey**" [[Paper](arXiv)]) and 7 (its arXiv badge)
        // cite the survey itself before its first list or table: counted, not reported
        assertEquals(new Stats.PaperLinkLines(56, 58), Stats.paperLinkLines(r));
        assertTrue(
                r.problems().stream().noneMatch(p -> p.message().startsWith("line links a paper")),
                r.problems().toString());
    }
}
