package org.w3id.vlmsurvey.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Writes graphs byte-for-byte the same for the same content: triples sorted by subject, then predicate
 * ({@code rdf:type} first), then object, so that a diff of two exports is a diff of two survey versions.
 */
public final class Exporter {

    /**
     * The RDF syntaxes of the program, stated once: the name a user gives ({@code --format ttl}, {@code ?format=ttl},
     * and other names), and through Jena's {@link Lang} the media type; the layout of an export
     * (sorted, the same bytes for the same content) and of a served page (pretty). {@code export} and the Linked
     * Data pages ({@code server.web.Negotiation}) both read it.
     */
    public enum Format {
        TTL(Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, RDFFormat.TURTLE_PRETTY, "turtle"),
        JSONLD(Lang.JSONLD, RDFFormat.JSONLD11_PRETTY, RDFFormat.JSONLD11_PRETTY, "json-ld"),
        NT(Lang.NTRIPLES, RDFFormat.NTRIPLES_UTF8, RDFFormat.NTRIPLES, "ntriples"),
        RDFXML(Lang.RDFXML, RDFFormat.RDFXML_PLAIN, RDFFormat.RDFXML_PRETTY, "rdf");

        public final Lang lang;
        /** How {@code export} writes it. */
        public final RDFFormat rdfFormat;
        /** How a Linked Data page is written in it. */
        public final RDFFormat served;

        private final String alias;

        Format(Lang lang, RDFFormat f, RDFFormat served, String alias) {
            this.lang = lang;
            this.rdfFormat = f;
            this.served = served;
            this.alias = alias;
        }

        /** Its media type, as Jena states it ({@code text/turtle}, ...). */
        public String mediaType() {
            return lang.getHeaderString();
        }

        /** The names it goes by: its own ({@code ttl}, what {@code --format} takes), and another ({@code turtle}). */
        public List<String> names() {
            return List.of(toString(), alias);
        }

        /** The format a name means ({@code ttl}, {@code turtle}, any case), or null. */
        public static Format named(String name) {
            for (Format f : values()) if (f.names().contains(name.toLowerCase(Locale.ROOT))) return f;
            return null;
        }

        /** The format of a media type, or null. */
        public static Format ofMediaType(String mediaType) {
            for (Format f : values()) if (f.mediaType().equals(mediaType)) return f;
            return null;
        }

        /** The name {@code --format} takes and help lists: {@code ttl}, {@code nt}, {@code jsonld}, {@code rdfxml}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The export's order: subject, then predicate ({@code rdf:type} first), then object (numbers by value, so line
     * 7 comes before line 15; everything else as SPARQL orders RDF terms). A sort compares each object many times:
     * each typed literal's value is worked out once per sort ({@code values}), not at every comparison.
     */
    private static Comparator<Triple> order(Map<Node, NodeValue> values) {
        return Comparator.comparing(Triple::getSubject, NodeCmp::compareRDFTerms)
                .thenComparing(Triple::getPredicate, (a, b) -> {
                    boolean ta = a.equals(RDF.type.asNode()), tb = b.equals(RDF.type.asNode());
                    return ta == tb ? NodeCmp.compareRDFTerms(a, b) : ta ? -1 : 1;
                })
                .thenComparing(Triple::getObject, (a, b) -> compareObjects(a, b, values));
    }

    /** Sorts triples in the export's order. */
    private static void sort(List<Triple> triples) {
        triples.sort(order(new java.util.HashMap<>()));
    }

    private static int compareObjects(Node a, Node b, Map<Node, NodeValue> values) {
        if (a.isLiteral() && b.isLiteral()) {
            NodeValue va = number(a, values), vb = number(b, values);
            if (va != null && vb != null) {
                int c = NodeValue.compare(va, vb);
                if (c != 0) return c;
            }
        }
        return NodeCmp.compareRDFTerms(a, b);
    }

    /** A literal's value if it is a number, else null; strings (most literals: titles) are never numbers, nor kept. */
    private static NodeValue number(Node literal, Map<Node, NodeValue> values) {
        var type = literal.getLiteralDatatype();
        if (type == org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring
                || type == org.apache.jena.datatypes.xsd.impl.RDFLangString.rdfLangString) return null;
        NodeValue v = values.computeIfAbsent(literal, NodeValue::makeNode);
        return v.isNumber() ? v : null;
    }

    private Exporter() {}

    /** The union of the given graphs. */
    public static Graph union(Graph... graphs) {
        Graph g = GraphFactory.createGraphMem();
        for (Graph part : graphs) part.find().forEachRemaining(g::add);
        return g;
    }

    /** The triples of the given graphs, sorted in the export's order, each once. */
    public static List<Triple> sorted(Graph... graphs) {
        long n = 0;
        for (Graph g : graphs) n += g.size();
        List<Triple> triples = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, n));
        for (Graph g : graphs) g.find().forEachRemaining(triples::add);
        sort(triples);
        if (graphs.length > 1) {
            // the same triple in two graphs: keep the first (equal triples are next to each other once sorted)
            int kept = 0;
            for (int i = 0; i < triples.size(); i++)
                if (kept == 0 || !triples.get(i).equals(triples.get(kept - 1))) triples.set(kept++, triples.get(i));
            triples.subList(kept, triples.size()).clear();
        }
        return triples;
    }

    public static void write(Graph graph, Format format, OutputStream out) {
        write(format, out, graph);
    }

    /**
     * Writes the union of the graphs (sorted, so the same content gives the same bytes) without building the union
     * as a graph of its own: an export of a large survey then holds its triples once, plus one list of them.
     */
    public static void write(Format format, OutputStream out, Graph... graphs) {
        List<Triple> triples = sorted(graphs);
        if (format == Format.TTL || format == Format.NT) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.rdfFormat);
            stream.start();
            if (format == Format.TTL)
                for (Map.Entry<String, String> e :
                        new java.util.TreeMap<>(VLM.prefixes().getNsPrefixMap()).entrySet()) {
                    if (used(triples, e.getValue())) stream.prefix(e.getKey(), e.getValue());
                }
            triples.forEach(stream::triple);
            stream.finish();
            return;
        }
        Graph ordered = GraphFactory.createGraphMem();
        triples.forEach(ordered::add);
        VLM.prefixes().getNsPrefixMap().forEach((k, v) -> {
            if (used(triples, v)) ordered.getPrefixMapping().setNsPrefix(k, v);
        });
        RDFDataMgr.write(out, ordered, format.rdfFormat);
    }

    /**
     * N-Triples written as they come, for {@code export --stream}: the ontology first (sorted), then each batch of
     * data triples as it is handed over (sorted within the batch), leaving out those the ontology holds. The same
     * batches give the same bytes; the whole file is not sorted.
     */
    public static final class NTriplesStream implements java.util.function.Consumer<List<Triple>> {
        private final StreamRDF stream;
        private final Graph ontology;
        private long written;

        public NTriplesStream(OutputStream out, Graph ontology) {
            this.stream = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
            this.ontology = ontology;
            stream.start();
            if (ontology != null) for (Triple t : sorted(ontology)) write(t);
        }

        @Override
        public void accept(List<Triple> batch) {
            List<Triple> sorted = new ArrayList<>(batch);
            sort(sorted);
            for (Triple t : sorted) if (ontology == null || !ontology.contains(t)) write(t);
        }

        private void write(Triple t) {
            stream.triple(t);
            written++;
        }

        /** Ends the output (flushes it) and says how many triples were written. */
        public long finish() {
            stream.finish();
            return written;
        }
    }

    /**
     * Writes a dataset as TriG, byte-for-byte the same for the same content: the default graph, then the named
     * graphs in the order of their names, each graph's triples sorted as by {@link #write}.
     */
    public static void writeTrig(DatasetGraph dataset, OutputStream out) {
        List<Triple> dft = sorted(dataset.getDefaultGraph());
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        names.sort(NodeCmp::compareRDFTerms);
        Map<Node, List<Triple>> named = new java.util.LinkedHashMap<>();
        for (Node n : names) named.put(n, sorted(dataset.getGraph(n)));
        List<Triple> all = new ArrayList<>(dft);
        named.values().forEach(all::addAll);
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS);
        stream.start();
        for (Map.Entry<String, String> e :
                new java.util.TreeMap<>(VLM.prefixes().getNsPrefixMap()).entrySet())
            if (used(all, e.getValue()) || names.stream().anyMatch(n -> starts(n, e.getValue())))
                stream.prefix(e.getKey(), e.getValue());
        dft.forEach(stream::triple);
        named.forEach((g, triples) -> triples.forEach(t -> stream.quad(Quad.create(g, t))));
        stream.finish();
    }

    private static boolean used(List<Triple> triples, String ns) {
        for (Triple t : triples)
            if (starts(t.getSubject(), ns)
                    || starts(t.getPredicate(), ns)
                    || starts(t.getObject(), ns)
                    || (t.getObject().isLiteral()
                            && t.getObject().getLiteralDatatypeURI().startsWith(ns))) return true;
        return false;
    }

    private static boolean starts(Node n, String ns) {
        return n.isURI() && n.getURI().startsWith(ns);
    }
}
