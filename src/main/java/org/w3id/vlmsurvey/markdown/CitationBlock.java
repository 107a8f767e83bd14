package org.w3id.vlmsurvey.markdown;

import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The survey's own citation, as its README gives it: the first code block holding a BibTeX entry ({@code @type{...})
 * under a heading named "Citation" (any level, any case, e.g. "## Citation" or "### Cite"), before the next heading.
 */
public final class CitationBlock {
    private CitationBlock() {}

    /** The BibTeX of the README's citation block, stripped, or empty when the README has none. */
    public static Optional<String> bibtex(String markdown) {
        Node doc = Parser.builder().build().parse(markdown);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof Heading h) || !isCitation(text(h))) continue;
            for (Node b = n.getNext(); b != null && !(b instanceof Heading); b = b.getNext()) {
                String code = b instanceof FencedCodeBlock f
                        ? f.getLiteral()
                        : b instanceof IndentedCodeBlock i ? i.getLiteral() : null;
                if (code != null && code.strip().matches("(?s)@[A-Za-z]+\\s*\\{.*\\}"))
                    return Optional.of(code.strip());
            }
        }
        return Optional.empty();
    }

    static boolean isCitation(String heading) {
        String h = heading.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("citation")
                || h.equals("citations")
                || h.equals("cite")
                || h.equals("how to cite")
                || h.equals("cite this work")
                || h.equals("cite us");
    }

    private static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                sb.append(t.getLiteral());
            }
        });
        return sb.toString();
    }
}
