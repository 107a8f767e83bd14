package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * How a page answers 400 or 404: a browser (its {@code Accept} prefers {@code text/html} to {@code text/plain})
 * gets the page {@code error.peb} in the site's layout, with the message and a search box; any other client (curl,
 * a script, a SPARQL or Linked Data client) the same message as one line of plain text, as before. The status is
 * the same either way.
 */
public final class ErrorPage {
    private static final AcceptList OFFER = AcceptList.create("text/plain", Negotiation.HTML);

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
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setHeader("Vary", "Accept");
        byte[] body;
        if (wantsHtml(req)) {
            resp.setContentType("text/html;charset=utf-8");
            body = html(status, line).getBytes(StandardCharsets.UTF_8);
        } else {
            resp.setContentType("text/plain;charset=utf-8");
            body = (line + "\n").getBytes(StandardCharsets.UTF_8);
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
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
