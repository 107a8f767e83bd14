package org.w3id.vlmsurvey.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.mapping.MappingFunctions;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Several surveys in one graph. Each survey is built on its own ({@link SurveyGraph#build}), then the graphs are
 * merged: papers, datasets, venues, code repositories and metrics have IRIs computed from what they name (a paper's
 * from its arXiv id, else DOI, else normalised URL: {@code vlmfn:linkKey}), so the same paper in two surveys is one
 * resource; what belongs to one survey (its categories and their scheme, its tasks, its entries, the survey itself)
 * is moved into the survey's own namespace, {@code resource/survey/<slug>/...}, except for the first survey, which
 * keeps the IRIs the bundled survey has always had. Each survey is described as a {@code vlm:Survey}.
 * One survey alone is built exactly as before (same graph, same bytes).
 */
public final class Surveys {
    private Surveys() {}

    /** The document every entry of the first survey names ({@code vlm:sourceDocument}): the published survey IRI. */
    public static final String FIRST = VLM.RES + "survey";

    /** The first path segments of the resources that belong to one survey: moved into a later survey's namespace. */
    static final List<String> PER_SURVEY = List.of("category/", "scheme/", "entry/", "task/");

    /** The predicates whose values from every survey are kept on a shared resource (the others: the first survey's). */
    static final Set<Node> MERGED = Set.of(
            RDF.type.asNode(),
            VLM.listedIn.asNode(),
            VLM.category.asNode(),
            p("codeRepository"),
            p("codeAvailability"),
            p("evaluationTask"),
            p("evaluationMetric"),
            RDFS.seeAlso.asNode(),
            NodeFactory.createURI("https://schema.org/sameAs"));

    /** Code availability, best first: one survey that lists the code makes the paper's code released. */
    static final List<Node> AVAILABILITY = List.of(p("CodeReleased"), p("CodeNotPublic"), p("CodeNotListed"));

    static final Node SURVEY = p("Survey"), SOURCE_FILE = p("sourceFile");

    /**
     * The IRI of the survey at position {@code index} ({@link #FIRST} for the first) given the slugs already taken:
     * the slug of its title, with "-2", "-3", ... when another survey took it; adds the slug to {@code taken}.
     */
    static String surveyIri(int index, String title, Set<String> taken) {
        if (index == 0) return FIRST;
        String base = MappingFunctions.slug(title, "survey"), slug = base;
        for (int n = 2; !taken.add(slug); n++) slug = base + "-" + n;
        return FIRST + "/" + slug;
    }

    /**
     * An IRI of a survey's graph in that survey's namespace: the survey document ({@link #FIRST}) becomes
     * {@code survey}, a per-survey resource ({@link #PER_SURVEY}) {@code survey + "/" + path}; the first survey's
     * ({@code survey} equal to {@link #FIRST}) and every other IRI stay as they are.
     */
    public static String inSurvey(String iri, String survey) {
        if (survey.equals(FIRST) || !iri.startsWith(VLM.RES)) return iri;
        String path = iri.substring(VLM.RES.length());
        if (path.equals("survey")) return survey;
        for (String prefix : PER_SURVEY) if (path.startsWith(prefix)) return survey + "/" + path;
        return iri;
    }

    /**
     * The survey a per-survey resource ({@link #PER_SURVEY}: a category, scheme, task, entry) belongs to: the inverse
     * of {@link #inSurvey}; null for a resource shared by the surveys (a paper, a venue) or outside the namespace.
     */
    public static String surveyOf(String iri) {
        if (!iri.startsWith(VLM.RES)) return null;
        String path = iri.substring(VLM.RES.length()), survey = FIRST;
        if (path.startsWith("survey/")) {
            int slash = path.indexOf('/', "survey/".length());
            if (slash < 0) return null;
            survey = VLM.RES + path.substring(0, slash);
            path = path.substring(slash + 1);
        }
        for (String prefix : PER_SURVEY) if (path.startsWith(prefix)) return survey;
        return null;
    }

    /** The survey's BibTeX from its README's Citation block ({@link SurveyGraph#citation}), else null. */
    static String citation(String markdown) {
        return SurveyGraph.citation(markdown).map(String::strip).orElse(null);
    }

    /** The title of a built survey: its first heading, else the file's name. */
    public static String title(SurveyGraph.Result r) {
        String q =
                """
                PREFIX src: <https://w3id.org/vlm-survey/source#>
                SELECT ?t { ?s a src:Section ; src:title ?t ; src:line ?l } ORDER BY ?l LIMIT 1""";
        try (var qe = QueryExec.graph(r.working()).query(q).build()) {
            var rows = qe.select();
            if (rows.hasNext()) {
                String t = MappingFunctions.trimMarkup(rows.next().get("t").getLiteralLexicalForm());
                if (!t.isBlank()) return t;
            }
        }
        String file = java.nio.file.Path.of(r.file()).getFileName().toString();
        return file.replaceFirst("\\.[^.]*$", "");
    }

    /**
     * Builds every snapshot and merges them (see the class comment); one snapshot is {@link SurveyGraph#build}
     * unchanged. Problems keep the file they were found in.
     */
    public static SurveyGraph.Result build(List<SurveyGraph.Snapshot> snapshots, int threads) {
        if (snapshots.size() == 1) return SurveyGraph.build(snapshots.get(0), threads, null);
        List<SurveyGraph.Result> built = new ArrayList<>();
        for (SurveyGraph.Snapshot s : snapshots) built.add(SurveyGraph.build(s, threads, null));
        return merge(snapshots, built);
    }

    /**
     * The IRI each survey built gets in the merge, in order ({@link #FIRST} for the first, then
     * {@code resource/survey/<slug>}): what {@link #merge} names them.
     */
    public static List<String> iris(List<SurveyGraph.Result> built) {
        Set<String> taken = new HashSet<>();
        List<String> iris = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) iris.add(surveyIri(i, title(built.get(i)), taken));
        return iris;
    }

    /**
     * Merges surveys built each on its own ({@link SurveyGraph#build} of {@code snapshots}, in the same order) into
     * one graph (see the class comment).
     */
    public static SurveyGraph.Result merge(List<SurveyGraph.Snapshot> snapshots, List<SurveyGraph.Result> built) {
        Graph data = GraphFactory.createGraphMem(), working = GraphFactory.createGraphMem();
        Graph links = GraphFactory.createGraphMem();
        List<Problem> problems = new ArrayList<>();
        List<String> iris = iris(built);
        for (int i = 0; i < built.size(); i++) {
            SurveyGraph.Result r = built.get(i);
            String title = title(r), survey = iris.get(i);
            List<Triple> add = new ArrayList<>();
            for (Triple t : r.data().find().toList()) {
                Triple moved =
                        Triple.create(move(t.getSubject(), survey), t.getPredicate(), move(t.getObject(), survey));
                if (MERGED.contains(moved.getPredicate())
                        || !data.contains(moved.getSubject(), moved.getPredicate(), Node.ANY)) add.add(moved);
            }
            add.forEach(data::add);
            describe(data, survey, title, r.file(), citation(snapshots.get(i).text()));
            r.working().find().forEachRemaining(working::add);
            r.links().find().forEachRemaining(links::add);
            problems.addAll(r.problems());
        }
        bestAvailability(data);
        java.util.Collections.sort(problems);
        return new SurveyGraph.Result(built.get(0).file(), data, List.copyOf(problems), working, links);
    }

    /** A node of a survey's graph in that survey's namespace ({@link #inSurvey(String, String)}). */
    public static Node move(Node n, String survey) {
        return n.isURI() ? NodeFactory.createURI(inSurvey(n.getURI(), survey)) : n;
    }

    /**
     * A survey's graph with every IRI in the survey's namespace ({@link #inSurvey(String, String)}); the graph itself
     * for the first survey ({@link #FIRST}), whose IRIs do not move.
     */
    public static Graph inSurvey(Graph g, String survey) {
        if (survey.equals(FIRST)) return g;
        Graph out = GraphFactory.createGraphMem();
        g.find()
                .forEachRemaining(
                        t -> out.add(move(t.getSubject(), survey), t.getPredicate(), move(t.getObject(), survey)));
        return out;
    }

    /** The slug of a later survey's IRI ({@code resource/survey/<slug>}); null for the first survey. */
    public static String slug(String survey) {
        return survey.equals(FIRST) ? null : survey.substring(FIRST.length() + 1);
    }

    /** The survey as a {@code vlm:Survey}: title, file, citation; its category schemes name it as their source. */
    private static void describe(Graph data, String iri, String title, String file, String citation) {
        Node s = NodeFactory.createURI(iri);
        data.add(s, RDF.type.asNode(), SURVEY);
        data.add(s, DCTerms.title.asNode(), NodeFactory.createLiteralString(title));
        data.add(s, RDFS.label.asNode(), NodeFactory.createLiteralString(title));
        data.add(s, SOURCE_FILE, NodeFactory.createLiteralString(file));
        if (citation != null)
            data.add(s, DCTerms.bibliographicCitation.asNode(), NodeFactory.createLiteralString(citation));
        String mine = iri.equals(FIRST) ? VLM.RES + "scheme/" : iri + "/scheme/";
        for (Node scheme : data.find(Node.ANY, RDF.type.asNode(), SKOS.ConceptScheme.asNode())
                .mapWith(Triple::getSubject)
                .toList())
            if (scheme.isURI() && scheme.getURI().startsWith(mine)) data.add(scheme, DCTerms.source.asNode(), s);
    }

    /** A paper listed by several surveys keeps one code availability, the best of theirs. */
    private static void bestAvailability(Graph data) {
        Node avail = p("codeAvailability");
        Set<Node> papers = new LinkedHashSet<>();
        data.find(Node.ANY, avail, Node.ANY).forEachRemaining(t -> papers.add(t.getSubject()));
        for (Node paper : papers) {
            List<Node> values =
                    data.find(paper, avail, Node.ANY).mapWith(Triple::getObject).toList();
            if (values.size() < 2) continue;
            Node best =
                    AVAILABILITY.stream().filter(values::contains).findFirst().orElse(values.get(0));
            for (Node v : values) if (!v.equals(best)) data.delete(paper, avail, v);
        }
    }

    private static Node p(String local) {
        return NodeFactory.createURI(VLM.NS + local);
    }
}
