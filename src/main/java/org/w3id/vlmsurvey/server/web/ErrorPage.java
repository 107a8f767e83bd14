package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * How a page answers 400 or 404: a browser (its {@code Accept} prefers {@code text/html} to {@code text/plain})
 * gets the page {@code error.peb} in the site's layout, with the message and a search box; a client that asked for
 * JSON ({@code .json}, {@code ?format=json}, or {@code Accept} preferring {@code application/json}) a JSON object
 * ({@code status}, {@code message}, and for an unknown {@code ?version=} the {@code nearest} versions); any other
 * client (curl, a script, a CSV or BibTeX export, a SPARQL or Linked Data client) the same message as one line of
 * plain text, as before. The status is the same either way.
 */
public final class ErrorPage {
    private static final AcceptList OFFER = AcceptList.create("text/plain", Negotiation.HTML);
    private static final AcceptList OFFER_JSON =
            AcceptList.create("text/plain", Negotiation.HTML, Negotiation.JSON, "application/ld+json");

    /** What an error is answered as. */
    public enum Kind {
        HTML,
        JSON,
        TEXT
    }

    /**
     * What a request's error is answered as: by the path's extension ({@code .json}: JSON; {@code .csv},
     * {@code .bib}, {@code .ris}, an RDF syntax's: text; a dot in a resource's name is none), else its
     * {@code ?format=} (an unknown one: text), else its {@code Accept}.
     */
    public static Kind kind(HttpServletRequest req) {
        return kind(req.getRequestURI(), req.getParameter("format"), req.getHeader("Accept"));
    }

    static Kind kind(String path, String format, String accept) {
        String p = path == null ? "" : path;
        int slash = p.lastIndexOf('/'), dot = p.lastIndexOf('.');
        Kind byExtension = dot > slash ? byName(p.substring(dot + 1)) : null; // "arxiv-2103.00020" has none
        if (byExtension != null && byExtension != Kind.HTML) return byExtension;
        if (format != null && !format.isBlank()) {
            Kind byFormat = byName(format.strip());
            return byFormat != null ? byFormat : Kind.TEXT;
        }
        if (accept == null || accept.isBlank()) return Kind.TEXT;
        MediaType m = AcceptList.match(new AcceptList(accept), OFFER_JSON);
        if (m == null) return Kind.TEXT;
        return switch (m.getContentTypeStr()) {
            case Negotiation.HTML -> Kind.HTML;
            case Negotiation.JSON, "application/ld+json" -> Kind.JSON;
            default -> Kind.TEXT;
        };
    }

    private ErrorPage() {}

    /** Whether the client prefers HTML to plain text ({@code *}{@code /*} alone is plain text). */
    public static boolean wantsHtml(HttpServletRequest req) {
        return wantsHtml(req.getHeader("Accept"));
    }

    /** Whether an {@code Accept} header prefers HTML to plain text. */
    public static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) return false;
        MediaType m = AcceptList.match(new AcceptList(accept), OFFER);
        return m != null && m.getContentTypeStr().equals(Negotiation.HTML);
    }

    /** Answers {@code status} with {@code message} (one line, no trailing newline needed), as described above. */
    public static void send(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        String line = message.strip();
        if (wantsHtml(req)) send(resp, status, "text/html;charset=utf-8", html(status, line));
        else send(resp, status, "text/plain;charset=utf-8", line + "\n");
    }

    /** The kind of a file extension or {@code ?format=} value, null if it is none this server answers. */
    private static Kind byName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "json", "jsonld" -> Kind.JSON;
            case "html" -> Kind.HTML;
            case "csv", "bib", "bibtex", "ris", "ttl", "nt", "rdf", "rdfxml", "atom" -> Kind.TEXT;
            default -> null;
        };
    }

    /**
     * Answers a page parameter outside its values ({@link PageParameters.Invalid}) as {@link #kind} says: its own
     * HTML page if it has one (the versions nearest to an unknown one), else the error page; JSON with the nearest
     * versions; or the message as a line of text.
     */
    public static void send(HttpServletRequest req, HttpServletResponse resp, PageParameters.Invalid invalid)
            throws IOException {
        int status = invalid.status();
        String line = invalid.getMessage().strip();
        switch (kind(req)) {
            case HTML ->
                send(
                        resp,
                        status,
                        "text/html;charset=utf-8",
                        invalid.html() != null ? invalid.html() : html(status, line));
            case JSON ->
                send(
                        resp,
                        status,
                        Negotiation.JSON + ";charset=utf-8",
                        json(invalid).toString());
            case TEXT -> send(resp, status, "text/plain;charset=utf-8", line + "\n");
        }
    }

    /** {@code {"status": 404, "message": "...", "nearest": [{"day", "time", "commit", "short", "href"}, ...]}}. */
    static JsonObject json(PageParameters.Invalid invalid) {
        JsonObject o = new JsonObject();
        o.put("status", invalid.status());
        o.put("message", invalid.getMessage());
        if (!invalid.nearest().isEmpty()) {
            JsonArray near = new JsonArray();
            for (Map<String, Object> v : invalid.nearest()) {
                JsonObject j = new JsonObject();
                j.put("day", String.valueOf(v.get("day")));
                j.put("time", String.valueOf(v.get("time")));
                j.put("commit", String.valueOf(v.get("id")));
                j.put("short", String.valueOf(v.get("short")));
                j.put("href", String.valueOf(v.get("href")));
                near.add(j);
            }
            o.put("nearest", near);
        }
        return o;
    }

    private static void send(HttpServletResponse resp, int status, String type, String body) throws IOException {
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setHeader("Vary", "Accept");
        resp.setContentType(type);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(b.length);
        resp.getOutputStream().write(b);
    }

    /** The error page for a browser. */
    public static String html(int status, String message) {
        return Templates.render("error", model(status, message));
    }

    static Map<String, Object> model(int status, String message) {
        String title =
                switch (status) {
                    case HttpServletResponse.SC_NOT_FOUND -> "Page not found";
                    case HttpServletResponse.SC_BAD_REQUEST -> "Bad request";
                    default -> "Error " + status;
                };
        return Map.of("title", title, "status", status, "message", message);
    }
}
