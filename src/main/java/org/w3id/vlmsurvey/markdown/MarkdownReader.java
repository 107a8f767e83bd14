package org.w3id.vlmsurvey.markdown;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.vocab.SRC;

/**
 * Reads a Markdown document into the generic <em>source graph</em>: sections (headings), tables, rows,
 * cells, list items and links, each with the line it starts on. It knows Markdown and nothing of the survey:
 * what a row means is decided by the mapping queries ({@code rules/mapping/}).
 */
public final class MarkdownReader {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownReader() {}

    /** List items of one heading are cut into partitions of at most this many items. */
    public static final int ITEMS_PER_PARTITION = 1024;

    /**
     * Reads Markdown text as partitions of the source graph, so the whole source graph never exists at once: each
     * table, and each run of list items under one heading (at most {@link #ITEMS_PER_PARTITION}), is a graph of
     * its own holding also the document node and its heading chain (each heading with its parent). The union of
     * the skeleton and the partitions is exactly the graph {@link #read(String, String)} gives. The partitions go
     * to {@code partitions} one by one as the reader meets them; the skeleton (the document and every section, the
     * heading tree), complete once the whole document has been read, is returned.
     */
    public static Graph read(String text, String displayName, java.util.function.Consumer<Graph> partitions) {
        if (text.isBlank())
            throw new SourceException(
                    Problem.error(displayName, 0, "file is empty: no survey tables or entries to read"));
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Builder b = new Builder(displayName, text, partitions);
        walk(parse(text, displayName), b);
        b.flushItems();
        return b.skeleton;
    }

    /** The text of a file's bytes, UTF-8 decoded strictly: binary input is a {@link SourceException} naming its line. */
    public static String text(byte[] bytes, String displayName) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0)
                throw new SourceException(Problem.error(
                        displayName,
                        lineOfByte(bytes, i),
                        "binary content (NUL byte): this is not a Markdown text file"));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            throw new SourceException(Problem.error(
                    displayName,
                    lineOfByte(bytes, bad),
                    "not valid UTF-8 text (byte " + (bad + 1) + "): this is not a Markdown text file"));
        }
    }

    /** Reads Markdown text into a fresh source graph. */
    public static Graph read(String text, String displayName) {
        if (text.isBlank())
            throw new SourceException(
                    Problem.error(displayName, 0, "file is empty: no survey tables or entries to read"));
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Graph whole = GraphFactory.createGraphMem();
        Builder b = new Builder(displayName, text, part -> part.find().forEachRemaining(whole::add));
        walk(parse(text, displayName), b);
        b.flushItems();
        b.skeleton.find().forEachRemaining(whole::add);
        return whole;
    }

    /**
     * Visits the document's blocks in order, as {@code document.accept(b)} would, and unlinks each once it is read:
     * the parse tree of a large survey (commonmark's nodes and source spans, about 1.5 GB for a million entries)
     * is then given back block by block while the partitions are mapped, instead of living to the end.
     */
    private static void walk(org.commonmark.node.Node document, Builder b) {
        org.commonmark.node.Node n = document.getFirstChild();
        while (n != null) {
            org.commonmark.node.Node next = n.getNext();
            n.accept(b);
            n.unlink();
            n = next;
        }
    }

    /** Parses with commonmark, refusing input nested deeper than {@link #MAX_NESTING} levels (with its line). */
    private static org.commonmark.node.Node parse(String text, String displayName) {
        prescanNesting(text, displayName);
        org.commonmark.node.Node document;
        try {
            document = PARSER.parse(text);
        } catch (StackOverflowError e) {
            throw new SourceException(Problem.error(displayName, 0, "nesting deeper than " + MAX_NESTING + " levels"));
        }
        checkNesting(document, displayName);
        return document;
    }

    /** Deepest nesting of Markdown blocks and inlines (quotes, lists, emphasis, links) read; deeper is an error. */
    public static final int MAX_NESTING = 100;

    /**
     * A line whose prefix already nests deeper than {@link #MAX_NESTING} (block-quote markers, list markers, two
     * columns of indentation per list level) is refused before the Markdown parser sees it: the parser's time grows
     * with the square of the depth (10,000 indented list levels take minutes).
     */
    private static void prescanNesting(String text, String displayName) {
        int line = 1, depth = 0, indent = 0;
        boolean prefix = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                depth = indent = 0;
                prefix = true;
                continue;
            }
            if (!prefix) continue;
            if (c == ' ') indent++;
            else if (c == '\t') indent += 4;
            else if (c == '>'
                    || ((c == '-' || c == '*' || c == '+') && i + 1 < text.length() && text.charAt(i + 1) == ' '))
                depth++;
            else if (c != '\r') prefix = false;
            if (depth + indent / 2 > MAX_NESTING)
                throw new SourceException(
                        Problem.error(displayName, line, "nesting deeper than " + MAX_NESTING + " levels"));
        }
    }

    /**
     * Refuses a document nested deeper than {@link #MAX_NESTING}, at the line of the first node too deep, before
     * anything walks its tree recursively (10,000 levels of {@code >} would overflow the stack). Iterative.
     */
    private static void checkNesting(org.commonmark.node.Node document, String displayName) {
        org.commonmark.node.Node n = document;
        int depth = 0;
        while (n != null) {
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                if (++depth > MAX_NESTING) {
                    org.commonmark.node.Node at = n;
                    while (at != null && at.getSourceSpans().isEmpty()) at = at.getParent();
                    int line = at == null ? 0 : at.getSourceSpans().get(0).getLineIndex() + 1;
                    throw new SourceException(
                            Problem.error(displayName, line, "nesting deeper than " + MAX_NESTING + " levels"));
                }
                continue;
            }
            while (n != null && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            if (n != null) n = n.getNext();
        }
    }

    private static int lineOfByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    private static int firstMalformed(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        // Find the shortest failing prefix by decoding line by line.
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    dec.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return start;
                }
                start = i + 1;
            }
        }
        return 0;
    }

    /** Walks the commonmark tree and emits source triples; the one narrow place that writes the source graph. */
    private static final class Builder extends AbstractVisitor {
        /** The document and the sections; the partition being built, if any, gets everything else. */
        final Graph skeleton = GraphFactory.createGraphMem();

        final java.util.function.Consumer<Graph> emit;
        Graph part;
        Graph items;
        Node itemsSection;
        int itemCount;
        final String[] lines;
        final Node document = NodeFactory.createURI(SRC.NODE + "document");
        final List<Node> sectionStack = new ArrayList<>();
        final List<Integer> levelStack = new ArrayList<>();
        final Set<String> used = new HashSet<>();
        Node currentSection;
        /** Whether a list or a table was met: a paragraph before the first one is part of the document's lead. */
        boolean content;

        Builder(String displayName, String text, java.util.function.Consumer<Graph> emit) {
            this.emit = emit;
            this.lines = text.split("\r\n|\r|\n", -1);
            add(document, RDF.type.asNode(), SRC.Document.asNode());
            add(document, SRC.file.asNode(), str(displayName));
        }

        @Override
        public void visit(Heading heading) {
            // a heading inside a list item is a section like any other: it goes to the skeleton, and to the
            // item's partition too, which then holds the item's triples that point to it
            Graph inside = part;
            part = null;
            if (inside == null) flushItems();
            try {
                section(heading);
            } finally {
                part = inside;
            }
            if (inside != null)
                skeleton.find(currentSection, Node.ANY, Node.ANY).forEachRemaining(inside::add);
        }

        private void section(Heading heading) {
            int line = lineOf(heading);
            Node sec = node("S" + line);
            while (!levelStack.isEmpty() && levelStack.get(levelStack.size() - 1) >= heading.getLevel()) {
                levelStack.remove(levelStack.size() - 1);
                sectionStack.remove(sectionStack.size() - 1);
            }
            String title = Text.of(heading).strip();
            add(sec, RDF.type.asNode(), SRC.Section.asNode());
            add(sec, SRC.line.asNode(), integer(line));
            add(sec, SRC.level.asNode(), integer(heading.getLevel()));
            add(sec, SRC.title.asNode(), str(title));
            add(sec, SRC.anchor.asNode(), str(Anchors.github(title)));
            if (!sectionStack.isEmpty()) add(sec, SRC.parent.asNode(), sectionStack.get(sectionStack.size() - 1));
            sectionStack.add(sec);
            levelStack.add(heading.getLevel());
            currentSection = sec;
        }

        @Override
        public void visit(org.commonmark.node.CustomBlock block) {
            if (block instanceof TableBlock table) {
                table(table);
                return;
            }
            visitChildren(block);
        }

        private void table(TableBlock table) {
            content = true;
            if (part != null) {
                // a table inside a list item belongs to the item's partition
                tableTriples(table);
                return;
            }
            flushItems();
            part = newPartition();
            try {
                tableTriples(table);
            } finally {
                Graph done = part;
                part = null;
                emit.accept(done);
            }
        }

        /** A new partition with the document node and the chain of headings the current position sits under. */
        private Graph newPartition() {
            Graph g = GraphFactory.createGraphMem();
            skeleton.find(document, Node.ANY, Node.ANY).forEachRemaining(g::add);
            for (Node sec : sectionStack) skeleton.find(sec, Node.ANY, Node.ANY).forEachRemaining(g::add);
            return g;
        }

        /** Ends the current run of list items, sending it as a partition. */
        void flushItems() {
            if (items != null) emit.accept(items);
            items = null;
            itemCount = 0;
        }

        private void tableTriples(TableBlock table) {
            int tableLine = lineOf(table);
            Node t = node("T" + tableLine);
            add(t, RDF.type.asNode(), SRC.Table.asNode());
            add(t, SRC.line.asNode(), integer(tableLine));
            inSection(t);
            List<String> headers = new ArrayList<>();
            for (org.commonmark.node.Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                for (org.commonmark.node.Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                    if (!(r instanceof TableRow row)) continue;
                    if (part instanceof TableHead) {
                        for (org.commonmark.node.Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                            String h = Text.of(c).strip();
                            headers.add(h);
                            Node col = node(localName(t) + "-H" + headers.size());
                            add(t, SRC.column.asNode(), col);
                            add(col, SRC.index.asNode(), integer(headers.size()));
                            add(col, SRC.header.asNode(), str(h));
                        }
                        add(t, SRC.columns.asNode(), integer(headers.size()));
                    } else {
                        row(t, row, headers);
                    }
                }
            }
        }

        private void row(Node table, TableRow row, List<String> headers) {
            int line = lineOf(row);
            Node r = node("R" + line);
            add(r, RDF.type.asNode(), SRC.Row.asNode());
            add(r, SRC.line.asNode(), integer(line));
            add(r, SRC.table.asNode(), table);
            inSection(r);
            String raw = line <= lines.length ? lines[line - 1] : "";
            add(r, SRC.raw.asNode(), str(raw));
            add(r, SRC.cells.asNode(), integer(RawCells.count(raw)));
            int i = 0;
            for (org.commonmark.node.Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof TableCell cell)) continue;
                i++;
                Node cn = node(localName(r) + "-C" + i);
                add(r, SRC.cell.asNode(), cn);
                add(cn, RDF.type.asNode(), SRC.Cell.asNode());
                add(cn, SRC.index.asNode(), integer(i));
                add(cn, SRC.header.asNode(), str(i <= headers.size() ? headers.get(i - 1) : ""));
                add(cn, SRC.text.asNode(), str(Text.of(cell).strip()));
                links(cn, cell);
            }
        }

        @Override
        public void visit(ListItem item) {
            content = true;
            inItemsRun(() -> itemTriples(item));
        }

        /**
         * A paragraph outside lists and tables: each of its lines is a {@code src:Paragraph} of its own, except that a
         * line without a link is read together with the lines after it up to one with a link ("**Title**" then
         * "CVPR 2023, [Paper](...)"). A paragraph inside a list item is part of the item.
         */
        @Override
        public void visit(Paragraph paragraph) {
            if (part != null) return;
            inItemsRun(() -> paragraphTriples(paragraph));
        }

        /** Runs {@code body} in the partition of the current run of list items and paragraph lines under one heading. */
        private void inItemsRun(Runnable body) {
            if (part == null) {
                // a run of items under one heading, cut every ITEMS_PER_PARTITION items
                if (items != null && (itemsSection != currentSection || itemCount >= ITEMS_PER_PARTITION)) flushItems();
                if (items == null) {
                    items = newPartition();
                    itemsSection = currentSection;
                }
                part = items;
                try {
                    body.run();
                } finally {
                    part = null;
                }
            } else {
                body.run();
            }
        }

        private void paragraphTriples(Paragraph paragraph) {
            List<org.commonmark.node.Node> unit = new ArrayList<>();
            boolean linked = false;
            for (org.commonmark.node.Node c = paragraph.getFirstChild(); c != null; c = c.getNext()) {
                if (Text.isBreak(c)) {
                    if (linked) {
                        paragraphUnit(unit);
                        unit = new ArrayList<>();
                        linked = false;
                    } else if (!unit.isEmpty()) unit.add(c);
                    continue;
                }
                unit.add(c);
                if (c instanceof Link || hasLink(c)) linked = true;
            }
            if (!unit.isEmpty()) paragraphUnit(unit);
        }

        private static boolean hasLink(org.commonmark.node.Node n) {
            List<Link> found = new ArrayList<>();
            collectLinks(n, found);
            return !found.isEmpty();
        }

        private void paragraphUnit(List<org.commonmark.node.Node> unit) {
            int line = 0;
            for (org.commonmark.node.Node n : unit) if ((line = lineOf(n)) > 0) break;
            if (line == 0) return;
            itemCount++;
            Node p = node("P" + line);
            StringBuilder text = new StringBuilder();
            for (org.commonmark.node.Node n : unit) text.append(Text.isBreak(n) ? " " : Text.of(n));
            add(p, RDF.type.asNode(), SRC.Paragraph.asNode());
            add(p, SRC.line.asNode(), integer(line));
            add(p, SRC.raw.asNode(), str(line <= lines.length ? lines[line - 1] : ""));
            add(
                    p,
                    SRC.text.asNode(),
                    str(text.toString().replaceAll("\\s+", " ").strip()));
            add(p, SRC.inline.asNode(), str(Inline.of(unit, 0)));
            if (!content) add(p, SRC.lead.asNode(), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
            inSection(p);
            int k = 0;
            for (org.commonmark.node.Node n : unit) {
                if (n instanceof Link l) k = link(p, l, k);
                else k = links(p, n, k);
            }
        }

        private void itemTriples(ListItem item) {
            itemCount++;
            int line = lineOf(item);
            Node li = node("I" + line);
            StringBuilder text = new StringBuilder();
            for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph) {
                    if (text.length() > 0) text.append(' ');
                    text.append(Text.of(c).strip());
                }
            }
            add(li, RDF.type.asNode(), SRC.ListItem.asNode());
            add(li, SRC.line.asNode(), integer(line));
            add(li, SRC.raw.asNode(), str(line <= lines.length ? lines[line - 1] : ""));
            add(li, SRC.text.asNode(), str(text.toString()));
            StringBuilder inline = new StringBuilder();
            int before = 0;
            for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph) {
                    Inline in = new Inline(before);
                    c.accept(in);
                    if (inline.length() > 0) inline.append('\n');
                    inline.append(in.result());
                    before = in.links();
                }
            }
            add(li, SRC.inline.asNode(), str(inline.toString()));
            inSection(li);
            int k = 0;
            for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext())
                if (c instanceof Paragraph) k = links(li, c, k);
            // nested lists are list items of their own
            for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext())
                if (!(c instanceof Paragraph)) c.accept(this);
        }

        private void links(Node owner, org.commonmark.node.Node container) {
            links(owner, container, 0);
        }

        private int links(Node owner, org.commonmark.node.Node container, int start) {
            List<Link> found = new ArrayList<>();
            collectLinks(container, found);
            int k = start;
            for (Link l : found) k = link(owner, l, k);
            return k;
        }

        /** Adds one link as the {@code k + 1}-th of its owner; returns {@code k + 1}. */
        private int link(Node owner, Link l, int k) {
            k++;
            Node ln = node(localName(owner) + "-K" + k);
            add(owner, SRC.link.asNode(), ln);
            add(ln, RDF.type.asNode(), SRC.Link.asNode());
            add(ln, SRC.index.asNode(), integer(k));
            add(ln, SRC.label.asNode(), str(Text.of(l).strip()));
            add(ln, SRC.href.asNode(), str(l.getDestination().strip()));
            return k;
        }

        private static void collectLinks(org.commonmark.node.Node n, List<Link> out) {
            for (org.commonmark.node.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Link l) out.add(l);
                else collectLinks(c, out);
            }
        }

        private void inSection(Node n) {
            add(n, SRC.section.asNode(), currentSection != null ? currentSection : document);
        }

        private Node node(String local) {
            String name = local;
            for (int n = 2; !used.add(name); n++) name = local + "-" + n;
            return NodeFactory.createURI(SRC.NODE + name);
        }

        private static String localName(Node n) {
            return n.getURI().substring(SRC.NODE.length());
        }

        private static int lineOf(org.commonmark.node.Node n) {
            List<SourceSpan> spans = n.getSourceSpans();
            return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
        }

        private void add(Node s, Node p, Node o) {
            (part != null ? part : skeleton).add(Triple.create(s, p, o));
        }

        private static Node str(String s) {
            return NodeFactory.createLiteralString(s);
        }

        private static Node integer(int i) {
            return NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
        }
    }
}
