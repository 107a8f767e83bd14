package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.graph.Surveys;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The histories of two surveys in one dataset ({@link Histories}): each survey's versions as named graphs that cannot
 * collide, the first survey's exactly as its history alone, and the newest version of each merged by the merge of
 * {@code export --source A --source B}.
 */
class HistoriesTest {
    static final String RES = VLM.RES, B = "awesome-prompt-learning-test-fixture";
    static final Node CLIP = uri(RES + "paper/arxiv-2103.00020");

    @TempDir
    static Path dir;

    static List<TestHistory> repos;
    static List<History> histories = new ArrayList<>();
    static DatasetGraph ds;

    @BeforeAll
    static void build() throws IOException {
        repos = TestHistory.twoSurveys(dir);
        for (TestHistory r : repos)
            try (GitSnapshots git = GitSnapshots.open(r.dir, "README.md")) {
                histories.add(History.build(git.history(), 2));
            }
        ds = Histories.dataset(histories, 2);
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static Set<String> versionsOf(String survey) {
        Set<String> out = new TreeSet<>();
        ds.getDefaultGraph()
                .find(Node.ANY, DCTerms.isVersionOf.asNode(), uri(survey))
                .forEachRemaining(t -> out.add(t.getSubject().getURI()));
        return out;
    }

    @Test
    void eachSurveysVersionsAreNamedGraphsThatCannotCollide() {
        assertEquals(2, histories.get(0).versions().size());
        assertEquals(2, histories.get(1).versions().size());
        TestHistory a = repos.get(0), b = repos.get(1);
        assertEquals(
                new TreeSet<>(List.of(
                        VLM.VERSION + a.version("v1").sha(),
                        VLM.VERSION + a.version("v2").sha())),
                versionsOf(Surveys.FIRST));
        assertEquals(
                new TreeSet<>(List.of(
                        VLM.VERSION + B + "/" + b.version("v1").sha(),
                        VLM.VERSION + B + "/" + b.version("v2").sha())),
                versionsOf(Surveys.FIRST + "/" + B));
        assertEquals(
                4,
                ds.getDefaultGraph()
                        .find(Node.ANY, RDF.type.asNode(), VLM.SurveyVersion.asNode())
                        .toList()
                        .size());
        List<Node> graphs = new ArrayList<>();
        ds.listGraphNodes().forEachRemaining(graphs::add);
        assertEquals(5, graphs.size(), "four versions and the newest merged: " + graphs);
        assertTrue(graphs.contains(Histories.NEWEST));
        // the second survey's categories are in its namespace in each of its versions, never the first survey's IRIs
        Graph bNewest = ds.getGraph(uri(VLM.VERSION + B + "/" + b.version("v2").sha()));
        assertTrue(bNewest.contains(
                uri(RES + "survey/" + B + "/category/contrastive-models"), RDF.type.asNode(), Node.ANY));
        bNewest.find()
                .forEachRemaining(t -> assertTrue(
                        !t.getSubject().isURI() || !t.getSubject().getURI().startsWith(RES + "category/"),
                        t.toString()));
        // a paper both list has one listing interval in each survey's history
        assertEquals(
                new TreeSet<>(List.of(
                        RES + "paper/arxiv-2103.00020#listed-1", RES + "paper/arxiv-2103.00020#listed-" + B + "-1")),
                objects(ds.getDefaultGraph(), CLIP, VLM.listing.asNode()));
    }

    @Test
    void theFirstSurveysHistoryIsItsHistoryAlone() {
        DatasetGraph alone = histories.get(0).dataset();
        List<Node> names = new ArrayList<>();
        alone.listGraphNodes().forEachRemaining(names::add);
        assertEquals(2, names.size());
        for (Node g : names) assertTrue(alone.getGraph(g).isIsomorphicWith(ds.getGraph(g)), g.toString());
        alone.getDefaultGraph()
                .find()
                .forEachRemaining(t -> assertTrue(ds.getDefaultGraph().contains(t), t.toString()));
    }

    @Test
    void theNewestIsEachSurveysNewestVersionMergedAsExportMergesThem() throws IOException {
        Graph newest = ds.getGraph(Histories.NEWEST);
        assertEquals(
                new TreeSet<>(List.of(
                        RES + "entry/paper/arxiv-2103.00020/contrastive-pre-training",
                        RES + "survey/" + B + "/entry/paper/arxiv-2103.00020/contrastive-models")),
                objects(newest, CLIP, VLM.listedIn.asNode()),
                "one resource, one listing per survey");
        assertEquals(
                1, newest.find(CLIP, DCTerms.title.asNode(), Node.ANY).toList().size());
        assertEquals(
                6 + 7 - 1,
                newest.find(Node.ANY, RDF.type.asNode(), VLM.Paper.asNode())
                        .toList()
                        .size());
        assertEquals(
                2,
                newest.find(Node.ANY, RDF.type.asNode(), uri(VLM.NS + "Survey"))
                        .toList()
                        .size());
        List<SurveyGraph.Snapshot> newestFiles = new ArrayList<>();
        for (History h : histories) {
            Snapshot s = h.latest().snapshot();
            newestFiles.add(SurveyGraph.Snapshot.of(s.name(), s.content()));
        }
        assertTrue(Surveys.build(newestFiles, 2).data().isIsomorphicWith(newest), "the merge of export");
        assertEquals(
                new TreeSet<>(List.of(
                        VLM.VERSION + repos.get(0).version("v2").sha(),
                        VLM.VERSION + B + "/" + repos.get(1).version("v2").sha())),
                objects(ds.getDefaultGraph(), Histories.NEWEST, uri("http://www.w3.org/ns/prov#wasDerivedFrom")));
    }

    @Test
    void oneHistoryAloneIsItsDataset() {
        DatasetGraph one = Histories.dataset(List.of(histories.get(0)), 2);
        assertTrue(!one.containsGraph(Histories.NEWEST));
        assertEquals(
                0,
                one.getDefaultGraph()
                        .find(Node.ANY, DCTerms.isVersionOf.asNode(), Node.ANY)
                        .toList()
                        .size());
    }

    /** The curation history a paper's page shows (queries/pages/paper-history.rq) is the first survey's versions. */
    @Test
    void aPapersCurationHistoryIsTheFirstSurveysVersions() throws IOException {
        String q = java.nio.file.Files.readString(Path.of("queries/pages/paper-history.rq"));
        List<String> versions = new ArrayList<>();
        try (var qe = org.apache.jena.sparql.exec.QueryExec.dataset(ds)
                .query(q)
                .substitution("this", CLIP)
                .substitution("firstSurvey", uri(Surveys.FIRST))
                .build()) {
            qe.select().forEachRemaining(b -> versions.add(b.get("version").getURI()));
        }
        assertEquals(
                List.of(
                        VLM.VERSION + repos.get(0).version("v1").sha(),
                        VLM.VERSION + repos.get(0).version("v2").sha()),
                versions,
                "one row per version of the first survey, oldest first");
    }

    static Set<String> objects(Graph g, Node s, Node p) {
        Set<String> out = new TreeSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject().toString()));
        return out;
    }

    /**
     * Written as change sets ({@link Histories#changeSets}: two revision chains, each survey's newest version in full,
     * and the merged newest) and read back ({@link History#served}, as {@code serve --history FILE.trig} reads it),
     * every version of both surveys and the merged newest are the graphs {@link Histories#dataset} serves.
     */
    @Test
    void theChangeSetsOfTwoSurveysReadBackAsEveryVersionOfEach() {
        DatasetGraph written = Histories.changeSets(histories, 2);
        TestHistory a = repos.get(0), b = repos.get(1);
        Node olderA = uri(VLM.VERSION + a.version("v1").sha()),
                olderB = uri(VLM.VERSION + B + "/" + b.version("v1").sha());
        assertTrue(!written.containsGraph(olderA) && !written.containsGraph(olderB), "older versions by change sets");
        assertTrue(written.containsGraph(Histories.NEWEST));
        DatasetGraph read = History.served(written, "two.trig");
        assertTrue(ds.getDefaultGraph().isIsomorphicWith(read.getDefaultGraph()), "the description");
        List<Node> names = new ArrayList<>(), got = new ArrayList<>();
        ds.listGraphNodes().forEachRemaining(names::add);
        read.listGraphNodes().forEachRemaining(got::add);
        assertEquals(
                new TreeSet<>(names.stream().map(Node::getURI).toList()),
                new TreeSet<>(got.stream().map(Node::getURI).toList()));
        assertEquals(5, names.size(), "two versions of each survey and the merged newest");
        for (Node g : names) {
            assertTrue(ds.getGraph(g).size() > 0, g.toString());
            assertTrue(ds.getGraph(g).isIsomorphicWith(read.getGraph(g)), g.toString());
        }
        assertTrue(
                !read.getGraph(olderA)
                        .isIsomorphicWith(
                                read.getGraph(uri(VLM.VERSION + a.version("v2").sha()))),
                "the older version is not the newest");
    }
}
