package org.w3id.vlmsurvey.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shared.PrefixMapping;

/** Terms of the survey ontology ({@code ontology/vlm-survey.ttl}) and the namespaces the project writes. */
public final class VLM {
    public static final String NS = "https://w3id.org/vlm-survey/ontology#";
    public static final String RES = "https://w3id.org/vlm-survey/resource/";
    /** Versions of the survey ({@code history}): {@code version/<commit SHA>} or {@code version/<dated copy>}. */
    public static final String VERSION = "https://w3id.org/vlm-survey/version/";

    public static final Resource Paper = r("Paper");
    public static final Resource Dataset = r("Dataset");
    public static final Resource PretrainingDataset = r("PretrainingDataset");
    public static final Resource EvaluationDataset = r("EvaluationDataset");
    public static final Resource MethodCategory = r("MethodCategory");
    public static final Resource EvaluationTask = r("EvaluationTask");
    public static final Resource EvaluationMetric = r("EvaluationMetric");
    public static final Resource Venue = r("Venue");
    public static final Resource CodeRepository = r("CodeRepository");
    public static final Resource SurveyEntry = r("SurveyEntry");

    public static final Property category = p("category");
    public static final Property sourceLine = p("sourceLine");
    public static final Property publishedIn = p("publishedIn");
    public static final Property lists = p("lists");
    public static final Property listedIn = p("listedIn");

    // The survey's history (history, diff): versions, when a resource was listed, and change sets.
    public static final Resource SurveyVersion = r("SurveyVersion");
    public static final Property commit = p("commit");
    public static final Property firstListedIn = p("firstListedIn");
    public static final Property lastListedIn = p("lastListedIn");
    public static final Property numberOfPapers = p("numberOfPapers");
    public static final Property numberOfDatasets = p("numberOfDatasets");
    public static final Property numberOfCategories = p("numberOfCategories");
    public static final Property numberOfEntries = p("numberOfEntries");
    public static final Resource ChangeSet = r("ChangeSet");
    public static final Resource Change = r("Change");
    public static final Resource Addition = r("Addition");
    public static final Resource Removal = r("Removal");
    public static final Resource Modification = r("Modification");
    public static final Property fromVersion = p("fromVersion");
    public static final Property toVersion = p("toVersion");
    public static final Property change = p("change");
    public static final Property changedResource = p("changedResource");
    public static final Property changedClass = p("changedClass");
    public static final Property changedField = p("changedField");
    public static final Property oldValue = p("oldValue");
    public static final Property newValue = p("newValue");
    // Identity across versions, listing intervals and the order of versions (history)
    public static final Resource Renaming = r("Renaming");
    public static final Resource Relinking = r("Relinking");
    public static final Property formerResource = p("formerResource");
    public static final Property matchedBy = p("matchedBy");
    public static final Property formerIri = p("formerIri");
    public static final Property sequenceNumber = p("sequenceNumber");
    public static final Resource ListingInterval = r("ListingInterval");
    public static final Property listing = p("listing");
    public static final Property listedFrom = p("listedFrom");
    public static final Property listedUntil = p("listedUntil");
    public static final Property unlistedIn = p("unlistedIn");

    /** Prefixes used in every file the project writes, in the order they are declared. */
    public static PrefixMapping prefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("vlm", NS);
        pm.setNsPrefix("res", RES);
        pm.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        pm.setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        pm.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
        pm.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        pm.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        pm.setNsPrefix("dcterms", "http://purl.org/dc/terms/");
        pm.setNsPrefix("dcat", "http://www.w3.org/ns/dcat#");
        pm.setNsPrefix("schema", "https://schema.org/");
        pm.setNsPrefix("bibo", "http://purl.org/ontology/bibo/");
        pm.setNsPrefix("fabio", "http://purl.org/spar/fabio/");
        pm.setNsPrefix("prism", "http://prismstandard.org/namespaces/basic/2.0/");
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        pm.setNsPrefix("void", "http://rdfs.org/ns/void#");
        pm.setNsPrefix("vann", "http://purl.org/vocab/vann/");
        pm.setNsPrefix("src", SRC.NS);
        pm.setNsPrefix("version", VERSION);
        return pm;
    }

    private static Resource r(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property p(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    private VLM() {}
}
