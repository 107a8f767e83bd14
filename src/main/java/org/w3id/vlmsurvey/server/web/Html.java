package org.w3id.vlmsurvey.server.web;

import org.w3id.vlmsurvey.vocab.VLM;

/** Small HTML helpers: escaping for the bodies still built in Java, and where this site shows an IRI. */
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
}
