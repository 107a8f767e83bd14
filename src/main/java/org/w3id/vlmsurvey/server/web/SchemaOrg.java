package org.w3id.vlmsurvey.server.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The schema.org JSON-LD of the paper, dataset and author pages ({@code <script type="application/ld+json">}), in the
 * namespace the graph uses ({@code https://schema.org/}, context {@code "https://schema.org"}); every class and
 * property used is one of schema.org's (checked by the tests against the vocabulary Apache Jena ships,
 * {@code org.apache.jena.vocabulary.SchemaDO}). A dataset follows Google's dataset guidelines: name, description,
 * url, sameAs, keywords, and variableMeasured where the survey names its metrics.
 */
public final class SchemaOrg {
    public static final String CONTEXT = "https://schema.org";

    private SchemaOrg() {}

    /**
     * The paper as a schema.org {@code ScholarlyArticle}: name, short name, year ({@code datePublished}), its arXiv
     * id and DOI ({@code identifier}, and their pages as {@code sameAs}), the venue ({@code isPartOf}, a
     * {@code CreativeWorkSeries}), its categories ({@code about}), the PDF ({@code encoding}) and each code
     * repository as a {@code SoftwareSourceCode} ({@code subjectOf}, with its {@code codeRepository}); and, where
     * {@code link --metadata} found them, its authors in order ({@code author}, a list of {@code Person}, each with its
     * name and, when it has one, the IRI of its page) and its {@code abstract}.
     */
    static JsonObject paper(
            Map<String, Object> p,
            List<String> codes,
            String iri,
            List<List<Map<String, Object>>> breadcrumbs,
            List<Map<String, String>> authors,
            String abstractText) {
        JsonObject o = new JsonObject();
        o.put("@context", "https://schema.org");
        o.put("@type", "ScholarlyArticle");
        o.put("@id", iri);
        o.put("url", iri);
        put(o, "name", p.get("title"));
        put(o, "headline", p.get("title"));
        put(o, "alternateName", p.get("shortName"));
        put(o, "datePublished", p.get("year"));
        if (!authors.isEmpty()) {
            JsonArray people = new JsonArray(); // a JSON-LD array is unordered; the order is also schema:position's
            for (Map<String, String> a : authors) {
                JsonObject person = new JsonObject();
                person.put("@type", "Person");
                if (a.get("iri") != null) {
                    person.put("@id", a.get("iri"));
                    person.put("url", a.get("iri"));
                }
                person.put("name", a.get("name"));
                people.add(person);
            }
            o.put("author", people);
        }
        put(o, "abstract", abstractText);
        JsonArray ids = new JsonArray();
        JsonArray sameAs = new JsonArray();
        if (p.get("arxiv") != null) {
            ids.add(property("arXiv", p.get("arxiv").toString()));
            sameAs.add(p.get("abs").toString());
        }
        if (p.get("doi") != null) {
            ids.add(property("DOI", p.get("doi").toString()));
            sameAs.add(p.get("doiUrl").toString());
        }
        if (!ids.isEmpty()) o.put("identifier", ids);
        if (!sameAs.isEmpty()) o.put("sameAs", sameAs);
        if (p.get("venueName") != null || p.get("venueAcronym") != null) {
            JsonObject venue = new JsonObject();
            venue.put("@type", "CreativeWorkSeries");
            put(venue, "@id", p.get("venue"));
            put(venue, "name", p.get("venueName"));
            put(venue, "alternateName", p.get("venueAcronym"));
            o.put("isPartOf", venue);
        }
        JsonArray about = new JsonArray();
        for (List<Map<String, Object>> path : breadcrumbs) {
            if (path.isEmpty()) continue;
            Map<String, Object> leaf = path.get(path.size() - 1);
            JsonObject term = new JsonObject();
            term.put("@type", "DefinedTerm");
            term.put("@id", leaf.get("category").toString());
            term.put("name", leaf.get("label").toString());
            about.add(term);
        }
        if (!about.isEmpty()) o.put("about", about);
        if (p.get("pdf") != null) {
            JsonObject pdf = new JsonObject();
            pdf.put("@type", "MediaObject");
            pdf.put("contentUrl", p.get("pdf").toString());
            pdf.put("encodingFormat", "application/pdf");
            o.put("encoding", pdf);
        }
        if (!codes.isEmpty()) {
            JsonArray code = new JsonArray();
            for (String c : codes) {
                JsonObject software = new JsonObject();
                software.put("@type", "SoftwareSourceCode");
                software.put("codeRepository", c);
                software.put("url", c);
                code.add(software);
            }
            o.put("subjectOf", code);
        }
        return o;
    }

    /**
     * A dataset as a schema.org {@code Dataset}, from its rows of {@code datasets.rq} (one per kind: pre-training,
     * evaluation): name, a description made of what the survey says of it, url (its page), sameAs (its website),
     * keywords (its kinds, task, metrics and languages), variableMeasured (its metrics), datePublished (its year) and
     * citation (the paper that introduced it).
     */
    static JsonObject dataset(String iri, List<Map<String, Object>> rows) {
        Map<String, Object> first = rows.get(0);
        JsonObject o = new JsonObject();
        o.put("@context", CONTEXT);
        o.put("@type", "Dataset");
        o.put("@id", iri);
        put(o, "name", first.get("name"));
        o.put("url", iri);
        List<String> said = new ArrayList<>();
        Set<String> keywords = new LinkedHashSet<>();
        Set<String> measured = new LinkedHashSet<>();
        JsonArray citations = new JsonArray();
        for (Map<String, Object> r : rows) {
            String kind = String.valueOf(r.get("kind"));
            keywords.add(kind + " dataset");
            StringBuilder b = new StringBuilder("a" + (kind.startsWith("e") ? "n " : " ") + kind + " dataset");
            if (r.get("imageTextPairsLabel") != null)
                b.append(" of ").append(r.get("imageTextPairsLabel")).append(" image-text pairs");
            if (r.get("languages") != null) {
                b.append(" in ").append(r.get("languages"));
                keywords.add(r.get("languages").toString());
            }
            if (r.get("taskLabel") != null) {
                b.append(" for ").append(r.get("taskLabel"));
                keywords.add(r.get("taskLabel").toString());
            }
            if (r.get("classes") != null)
                b.append(", ").append(r.get("classes")).append(" classes");
            if (r.get("trainingSize") != null)
                b.append(", ").append(r.get("trainingSize")).append(" training");
            if (r.get("testingSize") != null)
                b.append(", ").append(r.get("testingSize")).append(" testing");
            if (r.get("metrics") != null && !r.get("metrics").toString().isBlank()) {
                b.append(", measured by ").append(r.get("metrics"));
                for (String m : r.get("metrics").toString().split(",\\s*")) {
                    keywords.add(m);
                    measured.add(m);
                }
            }
            if (r.get("introducedInLabel") != null) b.append(", introduced in ").append(r.get("introducedInLabel"));
            if (r.get("introducedInLink") != null)
                citations.add(r.get("introducedInLink").toString());
            said.add(b.toString());
        }
        Object year = first.get("year");
        o.put(
                "description",
                first.get("name") + ": " + String.join("; and ", said) + (year != null ? " (" + year + ")" : "")
                        + ". As the survey of vision-language models lists it in its dataset tables, with the"
                        + " survey's own numbers.");
        if (first.get("landingPage") != null)
            o.put("sameAs", first.get("landingPage").toString());
        put(o, "datePublished", year);
        JsonArray k = new JsonArray();
        keywords.forEach(k::add);
        o.put("keywords", k);
        if (!measured.isEmpty()) {
            JsonArray v = new JsonArray();
            measured.forEach(v::add);
            o.put("variableMeasured", v);
        }
        if (!citations.isEmpty()) o.put("citation", citations);
        return o;
    }

    /**
     * An author as a schema.org {@code Person}: name, url (their page), and their papers in the survey as the
     * {@code ScholarlyArticle}s they are the {@code author} of (JSON-LD's {@code @reverse}), each with its name and
     * year.
     */
    static JsonObject author(String iri, String name, List<Map<String, Object>> papers) {
        JsonObject o = new JsonObject();
        o.put("@context", CONTEXT);
        o.put("@type", "Person");
        o.put("@id", iri);
        o.put("url", iri);
        o.put("name", name);
        if (!papers.isEmpty()) {
            JsonArray articles = new JsonArray();
            for (Map<String, Object> p : papers) {
                JsonObject article = new JsonObject();
                article.put("@type", "ScholarlyArticle");
                article.put("@id", p.get("paper").toString());
                article.put("url", p.get("paper").toString());
                put(article, "name", p.get("title"));
                put(article, "datePublished", p.get("year"));
                articles.add(article);
            }
            JsonObject reverse = new JsonObject();
            reverse.put("author", articles);
            o.put("@reverse", reverse);
        }
        return o;
    }

    private static JsonObject property(String id, String value) {
        JsonObject o = new JsonObject();
        o.put("@type", "PropertyValue");
        o.put("propertyID", id);
        o.put("value", value);
        return o;
    }

    private static void put(JsonObject o, String key, Object value) {
        if (value != null) o.put(key, value.toString());
    }
}
