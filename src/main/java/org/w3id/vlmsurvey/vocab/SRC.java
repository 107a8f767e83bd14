package org.w3id.vlmsurvey.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The source-graph vocabulary ({@code ontology/source.ttl}): Markdown structure, no survey semantics. */
public final class SRC {
    public static final String NS = "https://w3id.org/vlm-survey/source#";
    /** Base of the IRIs of source-graph nodes (sections, tables, rows, cells, links). */
    public static final String NODE = "https://w3id.org/vlm-survey/source/";

    public static final Resource Document = r("Document");
    public static final Resource Section = r("Section");
    public static final Resource Table = r("Table");
    public static final Resource Row = r("Row");
    public static final Resource Cell = r("Cell");
    public static final Resource Link = r("Link");
    public static final Resource ListItem = r("ListItem");
    public static final Resource Paragraph = r("Paragraph");

    public static final Property file = p("file");
    public static final Property line = p("line");
    public static final Property level = p("level");
    public static final Property title = p("title");
    public static final Property anchor = p("anchor");
    public static final Property parent = p("parent");
    public static final Property section = p("section");
    public static final Property table = p("table");
    public static final Property cell = p("cell");
    public static final Property column = p("column");
    public static final Property index = p("index");
    public static final Property header = p("header");
    public static final Property text = p("text");
    public static final Property raw = p("raw");
    public static final Property link = p("link");
    public static final Property label = p("label");
    public static final Property href = p("href");
    public static final Property columns = p("columns");
    public static final Property cells = p("cells");
    public static final Property inline = p("inline");
    public static final Property lead = p("lead");

    /**
     * The marks of {@code src:inline}: a link is written {@code ⟨k|label⟩}, bold text {@code ⟪text⟫} (written by the
     * Markdown reader, read by the mapping's entry functions).
     */
    public static final char INLINE_LINK_OPEN = '⟨', INLINE_LINK_SEP = '|', INLINE_LINK_CLOSE = '⟩';

    public static final char INLINE_STRONG_OPEN = '⟪', INLINE_STRONG_CLOSE = '⟫';

    private static Resource r(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property p(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    private SRC() {}
}
