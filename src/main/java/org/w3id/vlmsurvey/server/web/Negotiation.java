package org.w3id.vlmsurvey.server.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** Content negotiation for the Linked Data pages: RDF syntaxes or HTML, by {@code Accept} or {@code ?format=}. */
public final class Negotiation {
    static final String HTML = "text/html";
    private static final AcceptList OFFER = AcceptList.create("text/turtle", HTML, "application/ld+json",
            "application/n-triples", "application/rdf+xml", "application/xhtml+xml");
    private static final Map<String, String> FORMATS = Map.of("ttl", "text/turtle", "turtle", "text/turtle",
            "jsonld", "application/ld+json", "json-ld", "application/ld+json", "nt", "application/n-triples",
            "ntriples", "application/n-triples", "rdf", "application/rdf+xml", "rdfxml", "application/rdf+xml", "html", HTML);

    private Negotiation() {}

    /** The chosen media type, or null if the client accepts none of the offered ones. */
    static String choose(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) return FORMATS.get(format.toLowerCase(java.util.Locale.ROOT));
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return "text/turtle";
        MediaType m = AcceptList.match(new AcceptList(accept), OFFER);
        if (m == null) return null;
        String type = m.getContentTypeStr();
        return type.equals("application/xhtml+xml") ? HTML : type;
    }

    /** The chosen media type, or null after answering 406 Not Acceptable. */
    static String chooseOrRefuse(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = choose(req);
        if (type == null) notAcceptable(resp);
        return type;
    }

    /** Sends the graph in the chosen type: RDF as such, HTML as the page {@code html} makes of it. */
    static void send(HttpServletResponse resp, String type, Graph g, java.util.function.Function<Graph, String> html)
            throws IOException {
        if (type.equals(HTML)) html(resp, html.apply(g));
        else rdf(resp, g, type);
    }

    static void notAcceptable(HttpServletResponse resp) throws IOException {
        text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Not acceptable: this resource is available as text/turtle, "
                + "application/ld+json, application/n-triples, application/rdf+xml and text/html (or ?format=ttl|jsonld|nt|rdf|html)\n");
    }

    static void text(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }

    static void html(HttpServletResponse resp, String page) throws IOException {
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Vary", "Accept");
        resp.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }

    static void rdf(HttpServletResponse resp, Graph g, String mediaType) throws IOException {
        Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType);
        RDFFormat fmt = lang.equals(Lang.TURTLE) ? RDFFormat.TURTLE_PRETTY
                : lang.equals(Lang.JSONLD) ? RDFFormat.JSONLD11_PRETTY
                : lang.equals(Lang.RDFXML) ? RDFFormat.RDFXML_PRETTY : RDFFormat.NTRIPLES;
        resp.setContentType(mediaType + (lang.equals(Lang.RDFXML) ? "" : ";charset=utf-8"));
        resp.setHeader("Vary", "Accept");
        OutputStream out = resp.getOutputStream();
        RDFDataMgr.write(out, g, fmt);
    }
}
