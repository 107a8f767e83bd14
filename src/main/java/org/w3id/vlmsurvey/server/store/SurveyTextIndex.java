package org.w3id.vlmsurvey.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The full-text index of the served graph: Apache Jena's text index (Lucene), queried with {@code text:query}
 * ({@code PREFIX text: <http://jena.apache.org/text#>}). One Lucene field per indexed property, all analysed in
 * English with stemming (so "prompt" also finds "prompts" and "prompting"); {@value #PRIMARY} is the field searched
 * when {@code text:query} names no property. In memory for an in-memory store, in {@code DIR/text} for a TDB2 store.
 * <p>
 * The index is maintained by the {@link DatasetGraphText} wrapper: what is added to (or deleted from) the default
 * graph inside a transaction is indexed in the same transaction. Each commit records the {@link Fingerprint} of the
 * build and the {@link #LAYOUT} of the index, so that a TDB2 store reused at start-up can tell whether its index is
 * the index of the data it holds (a crash between the two commits, an older program) and rebuild it if not.
 */
public final class SurveyTextIndex {
    /** The text property function's namespace. */
    public static final String TEXT_NS = "http://jena.apache.org/text#";
    /** The field searched by {@code ?s text:query "words"}: titles of papers and datasets. */
    public static final String PRIMARY = "title";
    /** Changes whenever the fields or analysis change: an index of another layout is rebuilt. */
    static final String LAYOUT =
            "3: title shortName prefLabel altLabel name acronym context author; SearchAnalyzers words and names";
    /** The field of the context documents (one per paper and dataset, see {@link #CONTEXT_QUERY}). */
    public static final String CONTEXT = "context";
    /**
     * The property the context documents are indexed under: no triple of the graph has it; {@code text:query} names
     * it to search the context field.
     */
    public static final String CONTEXT_PROPERTY = "https://w3id.org/vlm-survey/search#context";
    /** The query that makes the context documents, bundled with the program. */
    public static final String CONTEXT_QUERY = "queries/index/search-context.rq";
    /** The field of the author documents (one per paper and author name, see {@link #AUTHOR_QUERY}). */
    public static final String AUTHOR = "author";
    /**
     * The property the author documents are indexed under: no triple of the graph has it ({@code schema:author}
     * links a paper to a person; the name is the person's); {@code text:query} names it to search the author field.
     */
    public static final String AUTHOR_PROPERTY = "https://w3id.org/vlm-survey/search#author";
    /** The query that makes the author documents, bundled with the program. */
    public static final String AUTHOR_QUERY = "queries/index/search-authors.rq";
    /**
     * The documents made by a query when the graph is indexed, by the property they are indexed under: each row of
     * the query ({@code ?resource ?text}) is one document of {@code ?text} for {@code ?resource}.
     */
    static final Map<String, String> DERIVED = Map.of(CONTEXT_PROPERTY, CONTEXT_QUERY, AUTHOR_PROPERTY, AUTHOR_QUERY);

    /** Indexed property, by Lucene field. */
    static final Map<String, String> FIELDS = Map.of(
            PRIMARY,
            "http://purl.org/dc/terms/title",
            "shortName",
            VLM.NS + "shortName",
            "prefLabel",
            "http://www.w3.org/2004/02/skos/core#prefLabel",
            "altLabel",
            "http://www.w3.org/2004/02/skos/core#altLabel",
            "name",
            "https://schema.org/name",
            "acronym",
            VLM.NS + "acronym",
            CONTEXT,
            CONTEXT_PROPERTY,
            AUTHOR,
            AUTHOR_PROPERTY);

    /** How each field is analysed: short names and acronyms as names (with their prefixes), the rest as words. */
    static final Map<String, SearchAnalyzers.Kind> KINDS = Map.of(
            PRIMARY,
            SearchAnalyzers.Kind.WORDS,
            "shortName",
            SearchAnalyzers.Kind.NAMES,
            "prefLabel",
            SearchAnalyzers.Kind.WORDS,
            "altLabel",
            SearchAnalyzers.Kind.WORDS,
            "name",
            SearchAnalyzers.Kind.WORDS,
            "acronym",
            SearchAnalyzers.Kind.NAMES,
            CONTEXT,
            SearchAnalyzers.Kind.WORDS,
            AUTHOR,
            SearchAnalyzers.Kind.WORDS);

    private static final String K_SOURCE = "vlm.sourceSha256", K_PROGRAM = "vlm.programSha256", K_LAYOUT = "vlm.layout";

    private final TextIndexLucene index;
    private final DatasetGraphText dataset;

    private SurveyTextIndex(DatasetGraph base, Directory directory) {
        this.index = (TextIndexLucene) TextDatasetFactory.createLuceneIndex(directory, config());
        this.dataset = (DatasetGraphText) TextDatasetFactory.create(base, index, true);
    }

    /** An index in memory over {@code base}. */
    static SurveyTextIndex inMemory(DatasetGraph base) {
        return new SurveyTextIndex(base, new ByteBuffersDirectory());
    }

    /** An index in the folder {@code dir} (created if absent) over {@code base}. */
    static SurveyTextIndex inFolder(DatasetGraph base, Path dir) {
        try {
            Files.createDirectories(dir);
            return new SurveyTextIndex(base, FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("text index " + dir + ": " + e.getMessage(), e);
        }
    }

    static TextIndexConfig config() {
        EntityDefinition def = new EntityDefinition("uri", PRIMARY);
        FIELDS.forEach((field, property) -> {
            def.set(field, NodeFactory.createURI(property));
            def.setAnalyzer(field, SearchAnalyzers.of(KINDS.get(field), true));
        });
        def.setLangField("lang");
        def.setUidField("uid"); // so that deleting a triple (SPARQL Update) deletes its document
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(SearchAnalyzers.of(SearchAnalyzers.Kind.WORDS, true));
        config.setQueryAnalyzer(SearchAnalyzers.query("uri", KINDS));
        config.setValueStored(true); // hits return the matching literal, and it can be highlighted
        return config;
    }

    /** The indexed dataset: reads and writes go to the base dataset, indexed literals also to the index. */
    DatasetGraph dataset() {
        return dataset;
    }

    /**
     * Makes {@code text:query} in {@code context} search this index: jena-text looks for the index in the query's
     * context first, so a context copied from another indexed dataset would search that dataset's index.
     */
    void bind(org.apache.jena.sparql.util.Context context) {
        context.set(org.apache.jena.query.text.TextQuery.textIndex, index);
    }

    /** Inside the write transaction of a replace: empties the index (the additions that follow re-index). */
    void clearInTransaction() {
        try {
            index.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("text index: " + e.getMessage(), e);
        }
    }

    /** Inside a write transaction: the fingerprint the next commit records (null: none). */
    void recordInTransaction(Fingerprint fingerprint) {
        Map<String, String> data = new HashMap<>();
        data.put(K_LAYOUT, LAYOUT);
        if (fingerprint != null) {
            data.put(K_SOURCE, fingerprint.source());
            data.put(K_PROGRAM, fingerprint.program());
        }
        index.getIndexWriter().setLiveCommitData(data.entrySet());
    }

    /** Whether the last commit of the index is of this layout and records {@code fingerprint}. */
    boolean holds(Fingerprint fingerprint) {
        Map<String, String> data;
        try {
            data = SegmentInfos.readLatestCommit(index.getDirectory()).getUserData();
        } catch (IOException e) {
            return false;
        }
        return fingerprint != null
                && LAYOUT.equals(data.get(K_LAYOUT))
                && fingerprint.source().equals(data.get(K_SOURCE))
                && fingerprint.program().equals(data.get(K_PROGRAM));
    }

    /**
     * Inside a write transaction: rebuilds the index from the default graph of the base dataset (which is not
     * changed), for a store whose index does not match its data.
     */
    void rebuildInTransaction(DatasetGraph base, Fingerprint fingerprint) {
        clearInTransaction();
        EntityDefinition def = index.getDocDef();
        for (String property : FIELDS.values()) {
            var it = base.getDefaultGraph().find(Node.ANY, NodeFactory.createURI(property), Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    Entity e = TextQueryFuncs.entityFromQuad(
                            def, Quad.defaultGraphIRI, t.getSubject(), t.getPredicate(), t.getObject());
                    if (e != null) index.addEntity(e);
                }
            } finally {
                it.close();
            }
        }
        indexDerivedInTransaction(base);
        recordInTransaction(fingerprint);
    }

    /**
     * Inside a write transaction, after the data are in {@code base}: adds the documents made by the {@link #DERIVED}
     * queries: one context document per paper and dataset ({@link #CONTEXT_QUERY}), so that a paper is found by the
     * words of its categories, venue, year and datasets, and a dataset by its tasks, metrics and languages; and one
     * author document per paper and author name ({@link #AUTHOR_QUERY}, from {@code metadata.ttl}), so that a paper is
     * found by its authors' names.
     */
    void indexDerivedInTransaction(DatasetGraph base) {
        EntityDefinition def = index.getDocDef();
        for (var derived : new java.util.TreeMap<>(DERIVED).entrySet()) {
            Node property = NodeFactory.createURI(derived.getKey());
            org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(
                    org.w3id.vlmsurvey.bundle.Bundled.text(derived.getValue()));
            try (var qe = org.apache.jena.sparql.exec.QueryExec.graph(base.getDefaultGraph())
                    .query(q)
                    .build()) {
                var rows = qe.select();
                while (rows.hasNext()) {
                    var row = rows.next();
                    Node resource = row.get("resource"), text = row.get("text");
                    if (resource == null || text == null || !resource.isURI()) continue;
                    Entity e = TextQueryFuncs.entityFromQuad(def, Quad.defaultGraphIRI, resource, property, text);
                    if (e != null) index.addEntity(e);
                }
            }
        }
    }

    /** The number of documents (indexed literals) in the last commit. */
    public int documents() {
        try (DirectoryReader r = DirectoryReader.open(index.getDirectory())) {
            return r.numDocs();
        } catch (IOException e) {
            throw new UncheckedIOException("text index: " + e.getMessage(), e);
        }
    }

    /**
     * Text to be searched for as words, as a {@code text:query} string: lower-cased (so that AND, OR and NOT are
     * words, not operators) with every character of Lucene's query syntax escaped, so that no text is a syntax error.
     */
    public static String words(String text) {
        return QueryParserBase.escape(text.toLowerCase(Locale.ROOT));
    }

    /** The properties indexed, as IRIs. */
    public static List<String> properties() {
        return FIELDS.values().stream().sorted().toList();
    }
}
