package org.w3id.vlmsurvey.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What a Lucene query string (the search text of {@code text:query}) may ask for on this server, checked by parsing
 * it with Lucene's own classic query parser before the text index sees it:
 * <ul>
 * <li>at most {@link #maxLength} characters and {@link #maxClauses} clauses (words, phrases' words, wildcards...);</li>
 * <li>at most {@link #MAX_EXPANDING} terms that expand into many (wildcard, prefix, fuzzy, range), a fuzzy term at
 * most {@link #MAX_FUZZY_TERM} characters long;</li>
 * <li>no leading wildcard ({@code *ing}, a scan of the whole term dictionary) unless {@link #leadingWildcards};</li>
 * <li>no regular expression ({@code /re/}) unless {@link #regex}.</li>
 * </ul>
 * A string outside these limits, or one Lucene cannot parse, is refused ({@link QueryRefused}, a 400).
 *
 * @param maxClauses       clauses of one search text (default {@value #DEFAULT_MAX_CLAUSES})
 * @param leadingWildcards whether {@code *x} and {@code ?x} are allowed (default off)
 * @param regex            whether {@code /regular expression/} is allowed (default off)
 */
public record TextSearchLimits(int maxClauses, boolean leadingWildcards, boolean regex) {
    public static final int DEFAULT_MAX_CLAUSES = 64;
    /** Characters of one search text. */
    public static final int MAX_LENGTH = 2000;
    /** Terms of one search text that expand into many: wildcard, prefix, fuzzy, range, regex. */
    public static final int MAX_EXPANDING = 4;
    /** Characters of a fuzzy term ({@code word~}). */
    public static final int MAX_FUZZY_TERM = 32;
    /** The largest number of hits a {@code text:query} may ask for. */
    public static final int MAX_HITS = 10_000;

    public TextSearchLimits {
        if (maxClauses < 1) throw new IllegalArgumentException("--text-max-clauses must be at least 1");
    }

    public static TextSearchLimits defaults() {
        return new TextSearchLimits(DEFAULT_MAX_CLAUSES, false, false);
    }

    /** The length limit (a constant, here for the messages and docs). */
    public int maxLength() {
        return MAX_LENGTH;
    }

    /** Checks one Lucene query string; throws {@link QueryRefused} with the reason if it is not allowed. */
    public void check(String text) {
        if (text.length() > MAX_LENGTH)
            throw refused("the search text has " + text.length() + " characters; at most " + MAX_LENGTH);
        QueryParser parser = new QueryParser("text", new StandardAnalyzer());
        parser.setAllowLeadingWildcard(leadingWildcards);
        Query q;
        try {
            q = parser.parse(text);
        } catch (ParseException e) {
            throw refused(firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw refused("more than " + maxClauses + " clauses");
        } catch (StackOverflowError e) {
            throw refused("the search text is nested too deeply");
        } catch (RuntimeException e) { // Lucene's own limits, e.g. a wildcard too complex to determinize
            throw refused(firstLine(String.valueOf(e.getMessage())));
        }
        Count c = new Count();
        try {
            q.visit(c);
        } catch (StackOverflowError e) {
            throw refused("the search text is nested too deeply");
        }
        if (!c.problems.isEmpty()) throw refused(c.problems.get(0));
        if (c.clauses > maxClauses)
            throw refused("the search text has " + c.clauses + " clauses; at most " + maxClauses
                    + " (the server's --text-max-clauses)");
        if (c.expanding > MAX_EXPANDING)
            throw refused("the search text has " + c.expanding + " wildcard, prefix, fuzzy or range terms; at most "
                    + MAX_EXPANDING);
    }

    private static QueryRefused refused(String why) {
        return new QueryRefused("text:query: " + why);
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse(s).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private final class Count extends QueryVisitor {
        int clauses, expanding;
        final List<String> problems = new ArrayList<>();

        @Override
        public void consumeTerms(Query query, Term... terms) {
            clauses += terms.length;
            regex(query); // a regex that matches one string only is visited as that term
        }

        private void regex(Query query) {
            if (query instanceof RegexpQuery && !regex)
                problems.add("regular expressions (/.../) are off on this server (the operator's --text-regex)");
        }

        @Override
        public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<ByteRunAutomaton> a) {
            clauses++;
            expanding++;
            regex(query);
            if (query instanceof FuzzyQuery f && f.getTerm().text().length() > MAX_FUZZY_TERM)
                problems.add("a fuzzy term (word~) has at most " + MAX_FUZZY_TERM + " characters");
            if (query instanceof WildcardQuery w && !leadingWildcards) {
                String t = w.getTerm().text();
                if (!t.isEmpty() && (t.charAt(0) == '*' || t.charAt(0) == '?'))
                    problems.add("leading wildcards are off on this server (the operator's --text-leading-wildcards)");
            }
        }

        @Override
        public void visitLeaf(Query query) {
            if (query instanceof MultiTermQuery) return; // counted by consumeTermsMatching
            clauses++;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
        }
    }
}
