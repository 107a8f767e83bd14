package org.w3id.vlmsurvey.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;

/** The plain text of an inline tree: literal text, code and link labels; line breaks and {@code <br>} as spaces; images dropped. */
final class Text extends AbstractVisitor {
    private final StringBuilder sb = new StringBuilder();

    static String of(Node node) {
        Text t = new Text();
        node.accept(t);
        return t.sb.toString().replaceAll("\\s+", " ");
    }

    @Override
    public void visit(org.commonmark.node.Text text) {
        sb.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        sb.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak b) {
        sb.append(' ');
    }

    @Override
    public void visit(HardLineBreak b) {
        sb.append(' ');
    }

    @Override
    public void visit(HtmlInline html) {
        if (isBreak(html)) sb.append(' ');
    }

    @Override
    public void visit(Image image) {
        /* badges and pictures carry no catalogue text */
    }

    /** Whether an inline node ends a line: a soft or hard line break, or {@code <br>}. */
    static boolean isBreak(Node n) {
        return n instanceof SoftLineBreak
                || n instanceof HardLineBreak
                || (n instanceof HtmlInline h && h.getLiteral().toLowerCase().startsWith("<br"));
    }
}
