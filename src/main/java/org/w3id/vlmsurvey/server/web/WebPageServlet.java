package org.w3id.vlmsurvey.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.vlmsurvey.bundle.Bundled;

/**
 * The query page at {@code /}: a YASGUI editor (vendored, so it works offline) on {@code /survey/sparql},
 * its static files under {@code /static/}, and the bundled example queries at {@code /examples.json}.
 * Any other path not served elsewhere answers 404.
 */
public final class WebPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEB = "org/w3id/vlmsurvey/server/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "txt", "text/plain;charset=utf-8");

    /** Used when the program bundles no example query at all. */
    static final String FALLBACK_EXAMPLE = """
            # Papers of the survey with their method category
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?paper ?title ?category WHERE {
              ?paper a vlm:Paper ; dcterms:title ?title ; vlm:category/skos:prefLabel ?category .
            } ORDER BY ?category ?title
            """;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals("/") || path.equals("/index.html"))
            resource(resp, "index.html");
        else if (path.equals("/examples.json"))
            send(resp, "application/json;charset=utf-8", examples().toString().getBytes(StandardCharsets.UTF_8));
        else if (path.startsWith("/static/") && !path.contains(".."))
            resource(resp, path.substring("/static/".length()));
        else
            Negotiation.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path + "\n");
    }

    private void resource(HttpServletResponse resp, String name) throws IOException {
        try (InputStream in = WebPageServlet.class.getClassLoader().getResourceAsStream(WEB + name)) {
            if (in == null) {
                Negotiation.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + name + "\n");
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            resp.setHeader("Cache-Control", "max-age=3600");
            send(resp, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        }
    }

    private static void send(HttpServletResponse resp, String type, byte[] bytes) throws IOException {
        resp.setContentType(type);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** The example queries: the {@code *.rq} files at the top of the bundled {@code queries/} folder. */
    public static JsonArray examples() {
        List<String[]> list = new ArrayList<>();
        for (String name : Bundled.list("queries/", ".rq"))
            list.add(new String[] { title(name, Bundled.text("queries/" + name)), Bundled.text("queries/" + name) });
        if (list.isEmpty())
            list.add(new String[] { title("papers.rq", FALLBACK_EXAMPLE), FALLBACK_EXAMPLE });
        JsonArray a = new JsonArray();
        for (String[] e : list) {
            JsonObject o = new JsonObject();
            o.put("title", e[0]);
            o.put("query", e[1]);
            a.add(o);
        }
        return a;
    }

    /** The first comment line of a query, else its file name. */
    static String title(String fileName, String query) {
        for (String line : query.lines().toList()) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (t.startsWith("#")) {
                String c = t.replaceFirst("^#+\\s*", "");
                if (!c.isEmpty()) return c;
                continue;
            }
            break;
        }
        return fileName.replaceFirst("\\.rq$", "");
    }
}
