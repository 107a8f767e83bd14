package org.w3id.vlmsurvey.linking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.vlmsurvey.graph.IdentityKeys;

/**
 * An answer of dblp's publication search ({@code /search/publ/api?q=...&format=json}): {@code result.hits.hit[]}, each
 * {@code info} with {@code title} (ending with a full stop), {@code venue}, {@code year}, {@code key}, {@code url} and
 * {@code authors.author} (one object, or an array in order, each with its {@code text}; a homonym carries a
 * four-digit number, "Wei Liu 0001", which is dropped). dblp writes a one-element list as the element itself.
 */
final class DblpSearch {
    /** The preprint stream of arXiv at dblp: its records are not the published version. */
    static final String CORR = "CoRR";

    private static final Pattern HOMONYM = Pattern.compile("\\s+[0-9]{4}$");
    /** A dblp record page, as the provenance names it (anything else is not written as an IRI). */
    private static final Pattern RECORD = Pattern.compile("https://dblp\\.org/rec/[A-Za-z0-9/_.+-]+");

    /** One publication record of dblp: its record page, title, venue, year and authors in order. */
    record Hit(String url, String title, String venue, String year, List<String> authors) {}

    private DblpSearch() {}

    /** The hits of an answer, in dblp's order. */
    static List<Hit> parse(byte[] json) throws MalformedAnswer {
        JsonObject root;
        try {
            root = JSON.parse(new String(json, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new MalformedAnswer("not JSON: " + RemoteClient.shorten(String.valueOf(e.getMessage())));
        }
        JsonObject result = object(root.get("result"), "result");
        JsonObject hits = object(result.get("hits"), "result.hits");
        List<Hit> out = new ArrayList<>();
        for (JsonValue h : list(hits.get("hit"))) {
            JsonObject info = object(object(h, "hit").get("info"), "hit.info");
            String title = string(info.get("title"));
            if (title == null) throw new MalformedAnswer("a hit has no title");
            List<String> authors = new ArrayList<>();
            JsonValue as = info.get("authors");
            if (as != null)
                for (JsonValue a : list(object(as, "authors").get("author"))) {
                    String name = a.isObject() ? string(a.getAsObject().get("text")) : string(a);
                    if (name == null || name.isBlank())
                        throw new MalformedAnswer("\"" + title + "\": an author has no name");
                    authors.add(HOMONYM.matcher(name.strip()).replaceFirst(""));
                }
            List<JsonValue> venues = list(info.get("venue"));
            String venue = venues.isEmpty() ? null : string(venues.get(0));
            String url = string(info.get("url"));
            if (url != null && !RECORD.matcher(url).matches()) url = null;
            out.add(new Hit(url, title, venue, string(info.get("year")), List.copyOf(authors)));
        }
        return out;
    }

    /**
     * The published version of a paper among the hits: the first whose title has the paper's title key
     * ({@link IdentityKeys#title}: case, punctuation, dblp's final full stop and a "NAME: " prefix do not count) and
     * whose venue is not arXiv's ({@value #CORR}), with authors; null if none.
     */
    static Hit published(List<Hit> hits, String title) {
        String key = IdentityKeys.title(title);
        for (Hit h : hits)
            if (!CORR.equals(h.venue())
                    && !h.authors().isEmpty()
                    && IdentityKeys.title(h.title()).equals(key)) return h;
        return null;
    }

    private static JsonObject object(JsonValue v, String what) throws MalformedAnswer {
        if (v == null || !v.isObject()) throw new MalformedAnswer("no object " + what);
        return v.getAsObject();
    }

    /** A JSON value that dblp writes as one element or as an array: its elements (none for null). */
    private static List<JsonValue> list(JsonValue v) {
        if (v == null) return List.of();
        if (v.isArray()) {
            JsonArray a = v.getAsArray();
            return new ArrayList<>(a);
        }
        return List.of(v);
    }

    private static String string(JsonValue v) {
        if (v == null) return null;
        if (v.isString()) return v.getAsString().value();
        if (v.isNumber()) return v.getAsNumber().value().toString();
        return null;
    }
}
