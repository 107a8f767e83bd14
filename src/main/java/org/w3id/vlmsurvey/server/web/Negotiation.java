package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.vlmsurvey.export.Exporter.Format;

/** Content negotiation for the Linked Data pages: RDF syntaxes or HTML, by {@code Accept} or {@code ?format=}. */
public final class Negotiation {
    static final String HTML = "text/html";
    private static final String XHTML = "application/xhtml+xml";
    /** What a Linked Data page is offered as: Turtle, HTML, the other syntaxes of the format registry ({@link Format}). */
    private static final String[] RDF_AND_HTML = java.util.stream.Stream.of(Format.values())
            .map(f -> f == Format.TTL ? f.mediaType() + "," + HTML : f.mediaType())
            .collect(java.util.stream.Collectors.joining(",", "", "," + XHTML))
            .split(",");

    private static final AcceptList OFFER = AcceptList.create(RDF_AND_HTML);

    static final String CSV = "text/csv";
    static final String JSON = "application/json";
    static final String BIBTEX = "application/x-bibtex";
    private static final AcceptList TABLE_OFFER = AcceptList.create(HTML, CSV, JSON, XHTML);
    private static final AcceptList BIB_OFFER = AcceptList.create(
            java.util.stream.Stream.concat(java.util.Arrays.stream(RDF_AND_HTML), java.util.stream.Stream.of(BIBTEX))
                    .toArray(String[]::new));
    private static final Map<String, String> TABLE_FORMATS = Map.of("html", HTML, "csv", CSV, "json", JSON);
    static final String RIS = org.w3id.vlmsurvey.export.RIS.MEDIA_TYPE;
    private static final AcceptList PAPERS_OFFER = AcceptList.create(HTML, CSV, JSON, BIBTEX, RIS, XHTML);
    private static final Map<String, String> PAPERS_FORMATS =
            Map.of("html", HTML, "csv", CSV, "json", JSON, "bib", BIBTEX, "bibtex", BIBTEX, "ris", RIS);
    private static final AcceptList RIS_OFFER = AcceptList.create(java.util.stream.Stream.concat(
                    java.util.Arrays.stream(RDF_AND_HTML), java.util.stream.Stream.of(BIBTEX, RIS))
            .toArray(String[]::new));

    private Negotiation() {}

    /**
     * For the browse pages: HTML, CSV or JSON by {@code ?format=} or {@code Accept} (HTML when there is neither),
     * or null if the client accepts none of them.
     */
    static String chooseTable(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) return TABLE_FORMATS.get(format.toLowerCase(java.util.Locale.ROOT));
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return HTML;
        MediaType m = AcceptList.match(new AcceptList(accept), TABLE_OFFER);
        if (m == null) return null;
        String type = m.getContentTypeStr();
        return type.equals(XHTML) ? HTML : type;
    }

    /**
     * For {@code /papers}: HTML, CSV, JSON, BibTeX or RIS by {@code ?format=} or {@code Accept} (HTML when there is
     * neither), or null if the client accepts none of them.
     */
    static String choosePapers(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) return PAPERS_FORMATS.get(format.toLowerCase(java.util.Locale.ROOT));
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return HTML;
        MediaType m = AcceptList.match(new AcceptList(accept), PAPERS_OFFER);
        if (m == null) return null;
        String type = m.getContentTypeStr();
        return type.equals(XHTML) ? HTML : type;
    }

    /** Whether the client asks for RIS: {@code ?format=ris}, or {@code Accept} preferring it to HTML, RDF and BibTeX. */
    static boolean wantsRIS(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) return format.equalsIgnoreCase("ris");
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return false;
        MediaType m = AcceptList.match(new AcceptList(accept), RIS_OFFER);
        return m != null && m.getContentTypeStr().equals(RIS);
    }

    /** Whether the client asks for BibTeX: {@code ?format=bib}, or {@code Accept} preferring it to HTML and RDF. */
    static boolean wantsBibTeX(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) return format.equalsIgnoreCase("bib") || format.equalsIgnoreCase("bibtex");
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return false;
        MediaType m = AcceptList.match(new AcceptList(accept), BIB_OFFER);
        return m != null && m.getContentTypeStr().equals(BIBTEX);
    }

    /** Sends a text body with its media type (UTF-8). */
    static void send(HttpServletResponse resp, String mediaType, String body) throws IOException {
        resp.setContentType(mediaType + ";charset=utf-8");
        resp.setHeader("Vary", "Accept");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The chosen media type, or null if the client accepts none of the offered ones. */
    static String choose(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) {
            if (format.equalsIgnoreCase("html")) return HTML;
            Format f = Format.named(format);
            return f == null ? null : f.mediaType();
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return Format.TTL.mediaType();
        MediaType m = AcceptList.match(new AcceptList(accept), OFFER);
        if (m == null) return null;
        String type = m.getContentTypeStr();
        return type.equals(XHTML) ? HTML : type;
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
        StringBuilder types = new StringBuilder(), names = new StringBuilder();
        for (Format f : Format.values()) {
            types.append(f.mediaType()).append(", ");
            names.append(f.names().get(0)).append('|');
        }
        text(
                resp,
                HttpServletResponse.SC_NOT_ACCEPTABLE,
                "Not acceptable: this resource is available as " + types + "and " + HTML + " (or ?format=" + names
                        + "html)\n");
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
        Format format = Format.ofMediaType(mediaType);
        resp.setContentType(mediaType + (format == Format.RDFXML ? "" : ";charset=utf-8"));
        resp.setHeader("Vary", "Accept");
        OutputStream out = resp.getOutputStream();
        RDFDataMgr.write(out, g, format.served);
    }
}
