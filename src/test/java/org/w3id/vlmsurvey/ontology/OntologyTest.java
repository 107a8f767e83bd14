package org.w3id.vlmsurvey.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/** Checks the ontology, the source vocabulary, the SHACL shapes and the curated venue data. */
class OntologyTest {

    static final String ONTOLOGY = "ontology/vlm-survey.ttl";
    static final String SOURCE = "ontology/source.ttl";
    static final String SHAPES = "ontology/vlm-survey-shapes.ttl";
    static final String VENUES = "data/venues.ttl";
    static final String CONFORMING = "src/test/resources/ontology/conforming.ttl";
    static final String NONCONFORMING = "src/test/resources/ontology/nonconforming.ttl";

    static final String VLM = "https://w3id.org/vlm-survey/ontology#";
    static final String SRC = "https://w3id.org/vlm-survey/source#";
    static final String RES = "https://w3id.org/vlm-survey/resource/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String SCHEMA = "https://schema.org/";
    static final String FABIO = "http://purl.org/spar/fabio/";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    static Graph parse(String path) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(path).strict(true).parse(g);
        return g;
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    // (a) strict parsing, no blank nodes

    @ParameterizedTest
    @ValueSource(strings = {ONTOLOGY, SOURCE, VENUES})
    void parsesStrictlyWithoutBlankNodes(String path) {
        Graph g = parse(path);
        assertFalse(g.isEmpty(), path + " is empty");
        List<Triple> withBlank = g.find()
                .filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank())
                .toList();
        assertTrue(withBlank.isEmpty(), path + " must not contain blank nodes, found: " + withBlank);
    }

    @ParameterizedTest
    @ValueSource(strings = {SHAPES, CONFORMING, NONCONFORMING})
    void parsesStrictly(String path) {
        assertFalse(parse(path).isEmpty(), path + " is empty");
    }

    // (b) OWL 2 DL

    @ParameterizedTest
    @ValueSource(strings = {ONTOLOGY, SOURCE})
    void isInOwl2DlProfile(String path) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology o = manager.loadOntologyFromOntologyDocument(new File(path));
        assertFalse(o.isAnonymous(), path + " has no ontology IRI");
        OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
        assertTrue(
                report.isInProfile(),
                () -> path + " is not in OWL 2 DL:\n"
                        + report.getViolations().stream()
                                .map(OWLProfileViolation::toString)
                                .collect(Collectors.joining("\n")));
    }

    /** The OWL API parser silently picks one kind when an IRI is declared as two kinds of property; check directly. */
    @ParameterizedTest
    @ValueSource(strings = {ONTOLOGY, SOURCE})
    void noIriIsDeclaredAsTwoKindsOfProperty(String path) {
        Graph g = parse(path);
        Set<Node> kinds =
                Set.of(OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode());
        List<String> problems = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .mapWith(Triple::getSubject)
                .toSet()
                .forEach(s -> {
                    List<Node> k = g.find(s, RDF.type.asNode(), Node.ANY)
                            .mapWith(Triple::getObject)
                            .filterKeep(kinds::contains)
                            .toList();
                    if (k.size() > 1) problems.add(s + " is declared as " + k);
                });
        assertTrue(problems.isEmpty(), path + ":\n" + String.join("\n", problems));
    }

    // (c) labels and comments; every term used is declared

    static final Set<Node> DECLARATION_TYPES = Set.of(
            OWL2.Class.asNode(),
            OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode(),
            OWL2.AnnotationProperty.asNode(),
            OWL2.NamedIndividual.asNode());

    static Set<Node> declaredTerms(Graph g, String ns) {
        Set<Node> terms = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .filterKeep(t -> DECLARATION_TYPES.contains(t.getObject()))
                .filterKeep(
                        t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(ns))
                .forEach(t -> terms.add(t.getSubject()));
        return terms;
    }

    static boolean hasEnglish(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY)
                .filterKeep(t ->
                        t.getObject().isLiteral() && "en".equals(t.getObject().getLiteralLanguage()))
                .hasNext();
    }

    @ParameterizedTest
    @ValueSource(strings = {ONTOLOGY + "|" + VLM, SOURCE + "|" + SRC})
    void everyTermHasEnglishLabelAndComment(String spec) {
        String path = spec.substring(0, spec.indexOf('|'));
        String ns = spec.substring(spec.indexOf('|') + 1);
        Graph g = parse(path);
        Set<Node> terms = declaredTerms(g, ns);
        assertFalse(terms.isEmpty(), "no terms declared in " + path);
        List<String> problems = new ArrayList<>();
        for (Node term : terms) {
            if (!hasEnglish(g, term, RDFS.label.asNode())) problems.add(term.getURI() + ": no rdfs:label@en");
            if (!hasEnglish(g, term, RDFS.comment.asNode())) problems.add(term.getURI() + ": no rdfs:comment@en");
        }
        // Every term of the namespace that is mentioned anywhere must be declared (catches typos).
        g.find().forEach(t -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(ns) && !terms.contains(n)) {
                    problems.add(n.getURI() + ": used but not declared");
                }
            }
        });
        assertTrue(problems.isEmpty(), path + ":\n" + String.join("\n", new TreeSet<>(problems)));
    }

    @Test
    void ontologyDeclaresTheTermsOfTheContract() {
        Set<String> declared = declaredTerms(parse(ONTOLOGY), VLM).stream()
                .map(n -> n.getURI().substring(VLM.length()))
                .collect(Collectors.toSet());
        List<String> contract = List.of(
                "Paper",
                "Dataset",
                "PretrainingDataset",
                "EvaluationDataset",
                "MethodCategory",
                "EvaluationTask",
                "EvaluationMetric",
                "Venue",
                "Conference",
                "Journal",
                "Workshop",
                "PreprintServer",
                "CodeRepository",
                "CodeAvailability",
                "CodeReleased",
                "CodeNotPublic",
                "CodeNotListed",
                "CodeAvailabilityScheme",
                "shortName",
                "publishedIn",
                "category",
                "codeRepository",
                "projectPage",
                "codeAvailability",
                "venueLabel",
                "introducedIn",
                "imageTextPairs",
                "imageTextPairsLabel",
                "numberOfLanguages",
                "minNumberOfLanguages",
                "languageLabel",
                "numberOfClasses",
                "trainingSize",
                "testingSize",
                "evaluationTask",
                "evaluationMetric",
                "acronym",
                "dblpStream",
                "workshopOf",
                "githubRepository",
                "sourceLine",
                "sourceDocument");
        List<String> missing =
                contract.stream().filter(c -> !declared.contains(c)).toList();
        assertTrue(missing.isEmpty(), "terms of docs/TERMS.md not declared: " + missing);
    }

    // (d) SHACL

    static ValidationReport validate(String dataPath) {
        Shapes shapes = Shapes.parse(parse(SHAPES));
        return ShaclValidator.get().validate(shapes, parse(dataPath));
    }

    static String describe(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void everyShapeHasAMessage() {
        Graph g = parse(SHAPES);
        Node message = uri("http://www.w3.org/ns/shacl#message");
        List<Node> shapes = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), uri("http://www.w3.org/ns/shacl#NodeShape"))
                .forEach(t -> shapes.add(t.getSubject()));
        g.find(Node.ANY, uri("http://www.w3.org/ns/shacl#property"), Node.ANY).forEach(t -> shapes.add(t.getObject()));
        assertTrue(shapes.size() > 10);
        List<Node> without =
                shapes.stream().filter(s -> !g.contains(s, message, Node.ANY)).toList();
        assertTrue(without.isEmpty(), "shapes without sh:message: " + without);
    }

    @Test
    void conformingInstanceConforms() {
        ValidationReport report = validate(CONFORMING);
        assertTrue(report.conforms(), () -> describe(report));
    }

    @Test
    void venuesConform() {
        ValidationReport report = validate(VENUES);
        assertTrue(report.conforms(), () -> describe(report));
    }

    @Test
    void nonconformingInstanceHasExactlyTheExpectedViolations() {
        ValidationReport report = validate(NONCONFORMING);
        assertFalse(report.conforms());
        Set<String> actual = new TreeSet<>();
        for (ReportEntry e : report.getEntries()) {
            actual.add(e.focusNode().getURI().substring(RES.length()) + " " + e.resultPath());
        }
        String paper = "paper/title-0123456789abcdef ";
        String dataset = "dataset/broken ";
        Set<String> expected = new TreeSet<>(List.of(
                paper + "<" + DCTERMS + "title>",
                // (a paper without a category is no shape violation: rules/checks/paper-categories.rq reports it,
                // unless it is listed under News only)
                paper + "<" + VLM + "codeAvailability>",
                paper + "<" + VLM + "publishedIn>",
                paper + "<" + FABIO + "hasPublicationYear>",
                paper + "<" + FABIO + "hasArXivId>",
                paper + "<" + SCHEMA + "url>",
                paper + "<" + VLM + "sourceLine>",
                paper + "<" + VLM + "codeRepository>",
                "paper/arxiv-2102.05918 <" + VLM + "category>",
                paper + "<" + VLM + "listedIn>",
                "paper/arxiv-2102.05918 <" + VLM + "listedIn>",
                "entry/bad <" + VLM + "lists>",
                "entry/bad <" + VLM + "listedTitle>",
                "entry/bad <" + VLM + "sourceLine>",
                "entry/bad <" + VLM + "sourceDocument>",
                dataset + "<" + DCTERMS + "title>",
                dataset + "<" + VLM + "trainingSize>",
                dataset + "<" + VLM + "numberOfClasses>",
                dataset + "<" + VLM + "evaluationMetric>",
                dataset + "<" + VLM + "evaluationTask>",
                dataset + "<" + DCAT + "landingPage>",
                dataset + "<" + VLM + "sourceLine>",
                "venue/xyz <" + VLM + "acronym>",
                "venue/xyz <" + SCHEMA + "name>",
                "venue/xyz <" + VLM + "dblpStream>",
                "category/orphan <" + SKOS + "prefLabel>",
                "category/orphan <" + SKOS + "inScheme>",
                "category/orphan <" + SKOS + "broader>",
                "code/url-0123456789abcdef <" + SCHEMA + "url>"));
        assertEquals(expected, actual, () -> describe(report));
        report.getEntries()
                .forEach(e ->
                        assertFalse(e.message() == null || e.message().isBlank(), "violation without a message: " + e));
    }

    // (e) venues

    @Test
    void everyVenueHasKindAcronymAndName() {
        Graph g = parse(VENUES);
        Set<Node> kinds = Set.of(
                uri(VLM + "Conference"), uri(VLM + "Journal"), uri(VLM + "Workshop"), uri(VLM + "PreprintServer"));
        Node acronym = uri(VLM + "acronym");
        Node name = uri(SCHEMA + "name");
        Node workshopOf = uri(VLM + "workshopOf");
        List<Node> venues = g.find(Node.ANY, RDF.type.asNode(), uri(VLM + "Venue"))
                .mapWith(Triple::getSubject)
                .toList();
        assertTrue(venues.size() >= 29, "expected at least 29 venues, found " + venues.size());
        List<String> problems = new ArrayList<>();
        for (Node v : venues) {
            long k = g.find(v, RDF.type.asNode(), Node.ANY)
                    .filterKeep(t -> kinds.contains(t.getObject()))
                    .toList()
                    .size();
            if (k != 1) problems.add(v + ": " + k + " kind classes instead of 1");
            List<Node> acr =
                    g.find(v, acronym, Node.ANY).mapWith(Triple::getObject).toList();
            if (acr.size() != 1) {
                problems.add(v + ": " + acr.size() + " acronyms instead of 1");
            } else {
                String expectedIri = RES + "venue/"
                        + acr.get(0).getLiteralLexicalForm().toLowerCase().replace(" ", "");
                if (!v.getURI().equals(expectedIri)) problems.add(v + ": IRI should be " + expectedIri);
            }
            if (g.find(v, name, Node.ANY).toList().size() != 1) problems.add(v + ": needs exactly one schema:name");
            boolean isWorkshop = g.contains(v, RDF.type.asNode(), uri(VLM + "Workshop"));
            List<Node> main =
                    g.find(v, workshopOf, Node.ANY).mapWith(Triple::getObject).toList();
            if (isWorkshop && (main.size() != 1 || !g.contains(main.get(0), RDF.type.asNode(), uri(VLM + "Venue")))) {
                problems.add(v + ": a workshop needs vlm:workshopOf one venue of this file");
            }
            if (!isWorkshop && !main.isEmpty()) problems.add(v + ": vlm:workshopOf on a venue that is not a workshop");
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }
}
