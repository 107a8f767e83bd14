package org.w3id.vlmsurvey.query;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * What the search page searches for: the reader's text read as a Lucene query (words, {@code "phrases"},
 * {@code +must}, {@code -mustNot}, {@code AND}/{@code OR}/{@code NOT}, {@code (groups)}, {@code word~} fuzzy,
 * {@code pre*} wildcards, {@code ^boost}), checked against the server's {@link TextSearchLimits} first, then written
 * back as a Lucene query string in which every plain word of {@value #FUZZY_FROM} letters or more is also searched
 * for with typos: {@code promt} is {@code (promt^2 promt~1)}, up to 2 edits from 8 letters on ({@code contrastiv~2}),
 * for at most as many words as the limits leave expanding terms. The string is the search text of {@code
 * text:query}, bound into the page query as a literal (never query text); the text index analyses each field its own
 * way (word parts, stemming, name prefixes), so word parts and short-name families need no rewriting here.
 * <p>
 * A text Lucene cannot parse, or one outside the limits, is refused with Lucene's message ({@link QueryRefused}, a
 * 400). Searching a field by name ({@code title:x}) and regular expressions are not offered here.
 */
public final class SearchText {
    /** Words of this many letters or more are also searched for with typos. */
    public static final int FUZZY_FROM = 5;
    /** From this many letters on, two typos (fewer letters: one). */
    public static final int TWO_EDITS_FROM = 8;

    private static final String FIELD = "text";

    private SearchText() {}

    /** The Lucene query string searched for {@code text}, or a {@link QueryRefused} saying why it is not allowed. */
    public static String lucene(String text, TextSearchLimits limits) {
        limits.check(text);
        Query q;
        try {
            QueryParser parser = new QueryParser(FIELD, new WhitespaceAnalyzer());
            parser.setAllowLeadingWildcard(limits.leadingWildcards());
            parser.setSplitOnWhitespace(true);
            q = parser.parse(text);
        } catch (ParseException | RuntimeException e) { // already refused by the check; kept for safety
            throw new QueryRefused(
                    "text:query: " + e.getMessage().lines().findFirst().orElse("cannot parse"));
        }
        int[] budget = {TextSearchLimits.MAX_EXPANDING - expanding(q)};
        String lucene = write(q, budget);
        limits.check(lucene); // what is searched for is within the limits too
        return lucene;
    }

    private static int expanding(Query q) {
        int[] n = {0};
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTermsMatching(
                    Query query,
                    String field,
                    java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> a) {
                n[0]++;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return n[0];
    }

    static String write(Query q, int[] budget) {
        if (q instanceof BooleanQuery b) {
            StringBuilder sb = new StringBuilder("(");
            for (BooleanClause c : b.clauses()) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(
                        switch (c.getOccur()) {
                            case MUST, FILTER -> "+";
                            case MUST_NOT -> "-";
                            case SHOULD -> "";
                        });
                sb.append(write(c.getQuery(), budget));
            }
            return sb.append(')').toString();
        }
        if (q instanceof TermQuery t) return word(field(t.getTerm()), budget);
        if (q instanceof BoostQuery b) return "(" + write(b.getQuery(), budget) + ")^" + b.getBoost();
        if (q instanceof PhraseQuery p) {
            StringBuilder sb = new StringBuilder("\"");
            for (Term t : p.getTerms()) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(escape(field(t)));
            }
            sb.append('"');
            if (p.getSlop() > 0) sb.append('~').append(p.getSlop());
            return sb.toString();
        }
        if (q instanceof FuzzyQuery f) return escape(field(f.getTerm())) + "~" + f.getMaxEdits();
        if (q instanceof PrefixQuery p) return escape(field(p.getPrefix())) + "*";
        if (q instanceof WildcardQuery w) return wildcard(field(w.getTerm()));
        if (q instanceof MatchAllDocsQuery) return "*:*";
        throw new QueryRefused("text:query: the search page does not offer "
                + q.getClass().getSimpleName() + " (" + q + "): search for words, \"phrases\", word~, pre* and groups");
    }

    private static String field(Term t) {
        if (!t.field().equals(FIELD))
            throw new QueryRefused("text:query: fields are not searched by name on the search page (" + t.field()
                    + ":...): type the words alone");
        return t.text();
    }

    /** A plain word: itself, and with typos when it is long enough and the budget allows. */
    private static String word(String w, int[] budget) {
        String e = escape(w);
        if (w.length() < FUZZY_FROM
                || w.length() > TextSearchLimits.MAX_FUZZY_TERM
                || !w.chars().allMatch(Character::isLetter)
                || budget[0] <= 0) return e;
        budget[0]--;
        return "(" + e + "^2 " + e + "~" + (w.length() >= TWO_EDITS_FROM ? 2 : 1) + ")";
    }

    private static String escape(String s) {
        return QueryParserBase.escape(s);
    }

    private static String wildcard(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c == '*' || c == '?' ? String.valueOf(c) : escape(String.valueOf(c)));
        return sb.toString();
    }
}
