package org.w3id.vlmsurvey.server.web;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.vlmsurvey.vocab.VLM;

/** Small HTML helpers for the Linked Data pages: escaping every text, and local links for the survey's IRIs. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Where a browser should go for an IRI: this server for the survey's resources and ontology, else the IRI. */
    static String href(String iri) {
        if (iri.startsWith(VLM.RES)) return "/resource/" + iri.substring(VLM.RES.length());
        if (iri.startsWith(VLM.NS)) return "/ontology#" + iri.substring(VLM.NS.length());
        return iri;
    }

    /** A link to an IRI, showing its label if it has one, else its prefixed name. */
    static String link(String iri, String label, PrefixMapping pm) {
        String text = label != null ? label : pm.shortForm(iri);
        String scheme = iri.contains(":") ? iri.substring(0, iri.indexOf(':')) : "";
        String target = scheme.equals("http") || scheme.equals("https") || scheme.equals("urn") || iri.startsWith(VLM.RES)
                ? href(iri) : "#";
        return "<a href=\"" + escape(target) + "\" title=\"" + escape(iri) + "\">" + escape(text) + "</a>";
    }

    /** A literal, with its language or datatype (shortened). */
    static String literal(Node n, PrefixMapping pm) {
        String s = "<span class=\"lit\">" + escape(n.getLiteralLexicalForm()) + "</span>";
        if (!n.getLiteralLanguage().isEmpty()) return s + " <small>@" + escape(n.getLiteralLanguage()) + "</small>";
        String dt = n.getLiteralDatatypeURI();
        if (dt != null && !dt.equals("http://www.w3.org/2001/XMLSchema#string"))
            return s + " <small>" + escape(pm.shortForm(dt)) + "</small>";
        return s;
    }

    /** A page in the site's layout around a body built in Java (already escaped). */
    static String page(String title, String body) {
        return Templates.render("generic", java.util.Map.of("title", title, "body", body));
    }
}
