package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.validate.ShapesValidator;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Identity across versions on a repository built from {@code src/test/resources/history/identity/i1.md ... i3.md}:
 * a headings-only first commit, then numbered lists, the same day tables (OTTER's project page became arXiv, the
 * list's "Conceptual Captions" the table's "Conceptual Captions (CC3M)": the same name, a trailing abbreviation read
 * the same in both; the synthetic-data survey dropped out), then entries under News (the survey back under a
 * TechRxiv link, OTTER under GitHub written "... (OTTER)": no new title, the dataset renamed "Conceptual Captions 3M").
 */
class IdentityTest {
    static final Path FIXTURES = Path.of("src/test/resources/history/identity");
    static final String RES = "https://w3id.org/vlm-survey/resource/";
    static final String OTTER =
            "Data Efficient Language-Supervised Zero-Shot Recognition with Optimal Transport Distillation";

    @TempDir
    static Path tmp;

    static TestHistory repo;
    static History history;

    @BeforeAll
    static void create() throws IOException {
        repo = TestHistory.linear(
                tmp.resolve("survey"),
                List.of(
                        Map.entry(
                                "2023-03-30T09:00:00Z",
                                "## Vision Language Models for Vision Tasks: A Survey\n\n## Datasets\n"),
                        Map.entry("2023-04-07T10:00:00Z", Files.readString(FIXTURES.resolve("i1.md"))),
                        Map.entry("2023-04-07T15:00:00Z", Files.readString(FIXTURES.resolve("i2.md"))),
                        Map.entry("2023-05-01T08:00:00Z", Files.readString(FIXTURES.resolve("i3.md")))));
        try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
            history = History.build(git.history(), 2);
        }
    }

    static Node iri(String path) {
        return NodeFactory.createURI(RES + path);
    }

    @Test
    void aResourceKeepsOneIriWhenItsLinkOrTitleChanges() {
        Node otter = iri("paper/url-ffea7b00bf269c5b"),
                survey = iri("paper/doi-10.36227%2Ftechrxiv.174741263.32891073%2Fv1");
        Node captions = iri("dataset/conceptual-captions-3m");
        assertEquals(
                Map.of(
                        iri("paper/url-80e19557cebc531a"), otter, // the project page of the numbered list
                        iri("paper/arxiv-2112.09445"), otter, // the table's arXiv link
                        iri("paper/url-6c854f444d16b42b"), survey, // OpenReview, then TechRxiv after a gap
                        iri("dataset/conceptual-captions"), captions),
                history.formerIris());
        // every version's graph names them by their latest IRI only; their former IRIs are kept in the default graph
        for (History.Version v : history.versions())
            for (Node former : history.formerIris().keySet())
                assertTrue(
                        !v.data().contains(former, Node.ANY, Node.ANY)
                                && !v.data().contains(Node.ANY, Node.ANY, former),
                        v.snapshot().name() + " still uses " + former);
        DatasetGraph ds = history.dataset();
        assertTrue(ds.getDefaultGraph().contains(otter, VLM.formerIri.asNode(), iri("paper/arxiv-2112.09445")));
        assertEquals(
                3,
                history.versions().stream()
                        .filter(v -> v.data().contains(otter, RDF.type.asNode(), VLM.Paper.asNode()))
                        .count(),
                "OTTER is one paper in all three versions");
        assertEquals(List.of(), ShapesValidator.validate(ds.getDefaultGraph(), "history"));
    }

    @Test
    void listingGapsAreKeptAsIntervals() {
        Node survey = iri("paper/doi-10.36227%2Ftechrxiv.174741263.32891073%2Fv1");
        List<History.Version> v = history.versions();
        assertEquals(List.of(List.of(v.get(0), v.get(0)), List.of(v.get(2), v.get(2))), history.listings(survey));
        assertEquals(
                List.of(List.of(v.get(0), v.get(2))),
                history.listings(iri("paper/arxiv-2112.09445")),
                "a former IRI answers for its resource");
        var dft = history.dataset().getDefaultGraph();
        Node first = NodeFactory.createURI(survey.getURI() + "#listed-1"),
                second = NodeFactory.createURI(survey.getURI() + "#listed-2");
        assertTrue(
                dft.contains(first, VLM.unlistedIn.asNode(), v.get(1).snapshot().iri()));
        assertTrue(dft.contains(
                second, VLM.listedFrom.asNode(), v.get(2).snapshot().iri()));
        assertTrue(!dft.contains(second, VLM.unlistedIn.asNode(), Node.ANY), "still listed");
    }

    @Test
    void sameDayVersionsCarryTheirSequenceNumber() {
        List<History.Version> v = history.versions();
        assertEquals(List.of(1, 2, 3), v.stream().map(history::sequence).toList());
        assertEquals(
                v.get(0).snapshot().time().toString().substring(0, 10),
                v.get(1).snapshot().time().toString().substring(0, 10));
        assertTrue(history.dataset()
                .getDefaultGraph()
                .contains(v.get(1).snapshot().iri(), VLM.sequenceNumber.asNode(), History.integer(2)));
    }

    @Test
    void historyReportsEachMatchWithBothLinesAndAHeadingsOnlyCommitIsNoError() {
        Run r = run(
                "history",
                "--git",
                repo.dir.toString(),
                "-o",
                tmp.resolve("h.trig").toString());
        String c = repo.version("v1").short7(),
                a = repo.version("v2").short7(),
                b = repo.version("v3").short7(),
                d = repo.version("v4").short7();
        assertEquals(
                "README.md@" + c + ": skipped (no paper or dataset listed yet)\n"
                        + "README.md@" + a + ":16 -> README.md@" + b
                        + ":20: relinked Paper \"Data Efficient Language-Supervised "
                        + "Zero-Shot Recognition with Optimal Transport Distillation\": link: https://otter.example.org/ -> "
                        + "https://arxiv.org/abs/2112.09445 (matched by title)\n"
                        + "README.md@" + a + ":17 -> README.md@" + d
                        + ":7: relinked Paper \"A Survey on Bridging VLMs and "
                        + "Synthetic Data\": link: https://openreview.net/pdf?id=ThjDCZOljE -> "
                        + "https://www.techrxiv.org/doi/full/10.36227/techrxiv.174741263.32891073/v1 (matched by title)\n"
                        + "README.md@" + b + ":20 -> README.md@" + d + ":28: relinked Paper \"" + OTTER
                        + "\": link: "
                        + "https://arxiv.org/abs/2112.09445 -> https://github.com/facebookresearch/OTTER (matched by title)\n"
                        + "README.md@" + b + ":11 -> README.md@" + d
                        + ":19: renamed Dataset \"Conceptual Captions 3M\": "
                        + "title: Conceptual Captions -> Conceptual Captions 3M (matched by URL)\n"
                        + "4 versions: 3 built (4 contents mapped, 0 equal to an earlier version), 1 skipped (1 with no entry yet), "
                        + "4 relisted under a new IRI\n",
                r.err());
        assertEquals(0, r.exit(), "a commit with headings and no entry yet is not an error");
    }

    @Test
    void diffReportsRenamedAndRelinkedRowsInsteadOfARemovalAndAnAddition() {
        Run r = run(
                "diff",
                "--format",
                "tsv",
                FIXTURES.resolve("i1.md").toString(),
                FIXTURES.resolve("i2.md").toString());
        // the survey of synthetic data is really removed (it comes back later, under another link); the CLIP row
        // is one paper (same arXiv id) whose listed title changed; "Conceptual Captions (CC3M)" in the table is the
        // list's "Conceptual Captions": neither renamed nor removed and added
        assertEquals(
                String.join(
                        "\n",
                        "change\tclass\tiri\tlabel\tdetail",
                        "removed\tPaper\t" + RES
                                + "paper/url-6c854f444d16b42b\tA Survey on Bridging VLMs and Synthetic Data\t"
                                + "category: Pre-training with Contrastive Objective",
                        "relinked\tPaper\t" + RES + "paper/arxiv-2112.09445\t" + OTTER + "\t"
                                + "link: https://otter.example.org/ -> https://arxiv.org/abs/2112.09445 (matched by title)",
                        ""),
                String.join(
                                "\n",
                                r.out()
                                        .lines()
                                        .filter(l -> !l.startsWith("changed"))
                                        .toList()) + "\n");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void checkReportsOnePaperListedUnderTwoLinksInOneVersion() {
        String file = "src/test/resources/checks/two-links.md";
        Run r = run("check", "-s", file);
        assertEquals(
                file + ":15: warning: the paper \"Bridging the Gap between Object and Image-level Representations for "
                        + "Open-Vocabulary Detection\" is also listed at line 7 under another link ("
                        + RES
                        + "paper/url-433b66af108915bd): one paper under two links is two papers; list it with one link\n"
                        + file + ": 0 errors, 1 warnings\n",
                r.out() + r.err());
    }
}
