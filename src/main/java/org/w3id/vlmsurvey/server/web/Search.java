package org.w3id.vlmsurvey.server.web;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.query.QueryPolicy;
import org.w3id.vlmsurvey.query.SearchText;

/**
 * The search behind {@code /search} and the {@code q} filter of {@code /papers}: the text typed, checked, as the
 * Lucene query of {@link SearchText} bound into {@code queries/pages/search.rq}.
 */
public final class Search {
    /** The longest search text, in characters. */
    public static final int MAX_LENGTH = 200;

    static final String QUERY = "search";

    private Search() {}

    /** The search text of a request, stripped: a 400 if it is longer than {@value #MAX_LENGTH} characters. */
    static String checked(String q) {
        String s = q.strip();
        if (s.length() > MAX_LENGTH)
            throw PageParameters.bad(
                    "the search text has " + s.length() + " characters; at most " + MAX_LENGTH + " are searched for");
        return s;
    }

    /** The hits of {@code q} (not empty) on {@code dsg}: the rows of {@code search.rq}, best first. */
    public static Table hits(DatasetGraph dsg, String q) {
        return query(dsg, q).run(dsg);
    }

    /** The search query with {@code ?q} bound to the Lucene string of {@code q} ({@link SearchText}). */
    static PageQuery query(DatasetGraph dsg, String q) {
        String lucene = SearchText.lucene(q, QueryPolicy.of(dsg.getContext()).text());
        return PageQuery.of(QUERY)
                .bind("q", NodeFactory.createLiteralString("(" + lucene + ")"))
                .bind("text", NodeFactory.createLiteralString(q));
    }
}
