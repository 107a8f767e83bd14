package org.w3id.vlmsurvey.linking;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3id.vlmsurvey.graph.IdentityKeys;

/**
 * An answer of the arXiv API ({@code /api/query?id_list=...}): an Atom feed with one {@code <entry>} per paper, its
 * {@code <id>} the abstract page with its version ({@code http://arxiv.org/abs/2103.00020v1}), {@code <title>},
 * {@code <summary>} (the abstract) and {@code <author><name>} in order. arXiv answers an id it cannot read with an
 * entry titled "Error" (its id under {@code http://arxiv.org/api/errors}): that is an error of the request. The XML is
 * parsed with no DTD and no external entities.
 */
final class ArxivFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern ABS = Pattern.compile("^https?://arxiv\\.org/abs/(.+?)(v[0-9]+)?$");

    /** One paper as arXiv describes it: its id (no version), the abstract page read, title, abstract, authors. */
    record Entry(String id, String page, String title, String summary, List<String> authors) {}

    private ArxivFeed() {}

    /** The entries of a feed, by arXiv id (without version), in the feed's order. */
    static Map<String, Entry> parse(byte[] xml) throws MalformedAnswer {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new MalformedAnswer("not well-formed XML: " + RemoteClient.shorten(String.valueOf(e.getMessage())));
        }
        Element feed = doc.getDocumentElement();
        if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName()))
            throw new MalformedAnswer("not an Atom feed (root element " + feed.getTagName() + ")");
        Map<String, Entry> entries = new LinkedHashMap<>();
        NodeList list = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            String page = text(e, "id"), title = text(e, "title");
            if (page == null) throw new MalformedAnswer("entry " + (i + 1) + " has no <id>");
            if (page.contains("arxiv.org/api/errors"))
                throw new MalformedAnswer(
                        "arXiv reports an error: " + (text(e, "summary") == null ? title : text(e, "summary")));
            Matcher m = ABS.matcher(page);
            if (!m.matches() || !IdentityKeys.isArxivId(m.group(1)))
                throw new MalformedAnswer("entry " + (i + 1) + " has the id " + RemoteClient.shorten(page)
                        + ", not an arXiv abstract page");
            List<String> authors = new ArrayList<>();
            NodeList as = e.getElementsByTagNameNS(ATOM, "author");
            for (int j = 0; j < as.getLength(); j++) {
                String name = text((Element) as.item(j), "name");
                if (name == null || name.isEmpty())
                    throw new MalformedAnswer("entry " + m.group(1) + ": author " + (j + 1) + " has no name");
                authors.add(name);
            }
            entries.put(m.group(1), new Entry(m.group(1), page, title, text(e, "summary"), List.copyOf(authors)));
        }
        return entries;
    }

    /** The text of the first child element {@code name} (Atom namespace), whitespace collapsed; null if none. */
    private static String text(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element c && ATOM.equals(c.getNamespaceURI()) && name.equals(c.getLocalName()))
                return RemoteClient.oneLine(c.getTextContent());
        return null;
    }
}
