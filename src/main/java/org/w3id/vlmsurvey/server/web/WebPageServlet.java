package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.exec.QueryExec;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.store.SurveyTextIndex;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The home page at {@link Endpoints#HOME} ({@link HomePage}); the query page at {@link Endpoints#EDITOR}: a YASGUI
 * editor (vendored, so it works offline) on {@link Endpoints#SPARQL}, in the site's layout; its static files under {@code /static/}; the bundled example queries at {@code /examples.json};
 * and at {@code /vocabulary.json} what the editor completes and links without asking any other host: the project's
 * prefixes, the ontology's properties and classes, and which namespaces this server has pages for.
 * Any other path not served elsewhere answers 404 ({@link ErrorPage}: a page in the layout for a browser).
 */
public final class WebPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEB = "org/w3id/vlmsurvey/server/web/";
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html;charset=utf-8",
            "js",
            "text/javascript;charset=utf-8",
            "css",
            "text/css;charset=utf-8",
            "txt",
            "text/plain;charset=utf-8",
            "json",
            "application/json;charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png");

    /** Used when the program bundles no example query at all. */
    static final String FALLBACK_EXAMPLE =
            """
            # Papers of the survey with their method category
            PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?paper ?title ?category WHERE {
              ?paper a vlm:Paper ; dcterms:title ?title ; vlm:category/skos:prefLabel ?category .
            } ORDER BY ?category ?title
            """;

    private final transient SurveyStore store;

    public WebPageServlet(SurveyStore store) {
        this.store = store;
    }

    /** The paths this servlet is mounted on ("" is the home page, {@link Endpoints#HOME}, alone). */
    public static List<String> paths() {
        return List.of("", "/index.html", Endpoints.EDITOR, "/examples.json", "/vocabulary.json", "/static/*");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals(Endpoints.HOME) || path.equals("/index.html"))
            Templates.send(resp, "home", HomePage.model(store));
        else if (path.equals(Endpoints.EDITOR)) Templates.send(resp, "query", Map.of("section", "sparql"));
        else if (path.equals("/examples.json"))
            send(resp, "application/json;charset=utf-8", examples().toString().getBytes(StandardCharsets.UTF_8));
        else if (path.equals("/vocabulary.json"))
            send(resp, "application/json;charset=utf-8", vocabulary().toString().getBytes(StandardCharsets.UTF_8));
        else if (path.startsWith("/static/") && !path.contains(".."))
            resource(req, resp, path.substring("/static/".length()));
        else ErrorPage.send(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path);
    }

    private void resource(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        java.net.URL url = WebPageServlet.class.getClassLoader().getResource(WEB + name);
        try (InputStream in = url == null || isDirectory(url) ? null : url.openStream()) {
            if (in == null) {
                ErrorPage.send(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: " + name);
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            resp.setHeader("Cache-Control", "max-age=3600");
            send(resp, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        }
    }

    /**
     * Whether a resource is a folder: in the jar an entry {@code static/vendor} is found as the folder
     * {@code static/vendor/} (and read as 0 bytes), on the class path of the tests as a directory listing.
     */
    static boolean isDirectory(java.net.URL url) throws IOException {
        java.net.URLConnection c = url.openConnection();
        if (c instanceof java.net.JarURLConnection jar) {
            java.util.jar.JarEntry e = jar.getJarEntry();
            return e == null || e.isDirectory();
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return java.nio.file.Files.isDirectory(java.nio.file.Path.of(url.toURI()));
            } catch (java.net.URISyntaxException e) {
                return true;
            }
        }
        return false;
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
            list.add(new String[] {title(name, Bundled.text("queries/" + name)), Bundled.text("queries/" + name)});
        if (list.isEmpty()) list.add(new String[] {title("papers.rq", FALLBACK_EXAMPLE), FALLBACK_EXAMPLE});
        JsonArray a = new JsonArray();
        for (String[] e : list) {
            JsonObject o = new JsonObject();
            o.put("title", e[0]);
            o.put("query", e[1]);
            a.add(o);
        }
        return a;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[?.!](?=\\s|$)");

    /**
     * The question a query answers: the first sentence of its leading comment (which may run over several comment
     * lines; a leading "Question:" is dropped), else its file name.
     */
    public static String title(String fileName, String query) {
        StringBuilder comment = new StringBuilder();
        for (String line : query.lines().toList()) {
            String t = line.strip();
            if (!t.startsWith("#")) {
                if (t.isEmpty() && comment.isEmpty()) continue;
                break;
            }
            String c = t.replaceFirst("^#+\\s*", "");
            if (c.isEmpty()) {
                if (comment.isEmpty()) continue;
                break;
            }
            if (!comment.isEmpty()) comment.append(' ');
            comment.append(c);
            Matcher end = SENTENCE_END.matcher(comment);
            if (end.find()) return sentence(comment.substring(0, end.end()));
        }
        return comment.isEmpty() ? fileName.replaceFirst("\\.rq$", "") : sentence(comment.toString());
    }

    private static String sentence(String s) {
        String t = s.replaceFirst("^(?i)question:\\s*", "");
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** The prefixes offered on the query page: the project's own, less its build-time scaffolding, and text:. */
    public static PrefixMapping prefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(VLM.prefixes());
        pm.removeNsPrefix("src");
        pm.setNsPrefix("text", SurveyTextIndex.TEXT_NS);
        return pm;
    }

    private static JsonObject vocabulary;

    /** Prefixes, the ontology's properties and classes (IRIs), and the namespaces served here with their paths. */
    static synchronized JsonObject vocabulary() {
        if (vocabulary != null) return vocabulary;
        JsonObject o = new JsonObject();
        JsonObject prefixes = new JsonObject();
        prefixes().getNsPrefixMap().forEach(prefixes::put);
        o.put("prefixes", prefixes);
        o.put("properties", terms("owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property"));
        o.put("classes", terms("owl:Class rdfs:Class"));
        JsonArray local = new JsonArray();
        for (String[] ns : new String[][] {{VLM.RES, "/resource/"}, {VLM.NS, "/ontology#"}}) {
            JsonObject l = new JsonObject();
            l.put("namespace", ns[0]);
            l.put("path", ns[1]);
            local.add(l);
        }
        o.put("local", local);
        vocabulary = o;
        return o;
    }

    private static JsonArray terms(String kinds) {
        String q =
                "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>"
                        + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                        + " SELECT DISTINCT ?t { VALUES ?k { " + kinds + " } ?t a ?k FILTER(isIRI(?t)) } ORDER BY ?t";
        JsonArray a = new JsonArray();
        try (QueryExec qe = QueryExec.graph(SurveyGraph.ontology()).query(q).build()) {
            qe.select().forEachRemaining(b -> a.add(b.get("t").getURI()));
        }
        return a;
    }
}
