package org.w3id.vlmsurvey.server.store;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Lucene analysis of the text index, one {@link Analyzer} per kind of field, for indexing and for querying:
 * <ul>
 * <li><b>words</b> (titles, labels, names, the context field): the standard tokenizer, then word parts split at case
 * changes and digits with the original kept ({@code SegCLIP} is {@code segclip}, {@code seg} and {@code clip};
 * {@code K-LITE} also {@code klite}), lower case, English possessives and stop words removed, Porter stemming
 * ({@code prompting} is {@code prompt}).</li>
 * <li><b>names</b> (short names, acronyms): the same word parts, not stemmed, and when indexing also every prefix of
 * 3 letters or more ({@code CLIPPO} is found by {@code clip}), so that a short name finds its whole family.</li>
 * </ul>
 * Query analysis is the same without the prefixes (a word searched for is one term) and without flattening (the
 * query parser reads the token graph).
 */
public final class SearchAnalyzers {
    /** The shortest prefix of a name that is indexed. */
    public static final int MIN_PREFIX = 3;
    /** The longest prefix of a name that is indexed (longer names are still indexed whole). */
    public static final int MAX_PREFIX = 24;

    private static final int PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.CATENATE_WORDS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private SearchAnalyzers() {}

    /** How a field is analysed. */
    public enum Kind {
        WORDS,
        NAMES
    }

    /** The analyzer of a kind of field, for indexing ({@code index}) or for queries. */
    public static Analyzer of(Kind kind, boolean index) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream t = new WordDelimiterGraphFilter(source, PARTS, null);
                if (index) t = new FlattenGraphFilter(t);
                t = new LowerCaseFilter(t);
                if (kind == Kind.WORDS) {
                    t = new EnglishPossessiveFilter(t);
                    t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                    t = new PorterStemFilter(t);
                } else if (index) {
                    t = new EdgeNGramTokenFilter(t, MIN_PREFIX, MAX_PREFIX, true);
                }
                return new TokenStreamComponents(source, t);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in); // wildcard, prefix and fuzzy terms: lower case only
            }
        };
    }

    /** The query analyzer of an index whose fields are {@code kinds} (the entity field is a keyword). */
    public static Analyzer query(String entityField, Map<String, Kind> kinds) {
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        kinds.forEach((field, kind) -> perField.put(field, of(kind, false)));
        perField.put(entityField, new KeywordAnalyzer());
        return new PerFieldAnalyzerWrapper(of(Kind.WORDS, false), perField);
    }
}
