package org.w3id.vlmsurvey.markdown;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.w3id.vlmsurvey.vocab.SRC;

/**
 * The inline text of an entry with the little structure the mapping needs to find its title, venue and links
 * (the {@code src:inline} of a list item or paragraph line): the plain text of {@link Text}, but each link written
 * {@code ⟨k|label⟩} (k its {@code src:index} in the entry, label its plain text), bold text outside links written
 * {@code ⟪text⟫}, and each line break (soft, hard or {@code <br>}) as a newline. Images are dropped.
 */
final class Inline extends AbstractVisitor {
    private static final char LINK_OPEN = SRC.INLINE_LINK_OPEN,
            LINK_SEP = SRC.INLINE_LINK_SEP,
            LINK_CLOSE = SRC.INLINE_LINK_CLOSE,
            STRONG_OPEN = SRC.INLINE_STRONG_OPEN,
            STRONG_CLOSE = SRC.INLINE_STRONG_CLOSE;

    private final StringBuilder sb = new StringBuilder();
    private int links;

    /** Starts numbering links after {@code linksBefore} (the links of the entry's earlier paragraphs). */
    Inline(int linksBefore) {
        this.links = linksBefore;
    }

    /** The inline text of these nodes (and their children), in order. */
    static String of(List<Node> nodes, int linksBefore) {
        Inline in = new Inline(linksBefore);
        for (Node n : nodes) n.accept(in);
        return in.result();
    }

    String result() {
        return sb.toString()
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\n ?", "\n")
                .strip();
    }

    int links() {
        return links;
    }

    @Override
    public void visit(Link link) {
        links++;
        sb.append(LINK_OPEN)
                .append(links)
                .append(LINK_SEP)
                .append(Text.of(link).strip())
                .append(LINK_CLOSE);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        sb.append(STRONG_OPEN);
        visitChildren(strong);
        sb.append(STRONG_CLOSE);
    }

    @Override
    public void visit(org.commonmark.node.Text text) {
        sb.append(text.getLiteral().replace('\n', ' '));
    }

    @Override
    public void visit(Code code) {
        sb.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak b) {
        sb.append('\n');
    }

    @Override
    public void visit(HardLineBreak b) {
        sb.append('\n');
    }

    @Override
    public void visit(HtmlInline html) {
        if (Text.isBreak(html)) sb.append('\n');
    }

    @Override
    public void visit(Image image) {
        /* badges and pictures carry no catalogue text */
    }
}
