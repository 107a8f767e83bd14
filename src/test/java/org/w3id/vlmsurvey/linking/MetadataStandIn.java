package org.w3id.vlmsurvey.linking;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for the arXiv API ({@code /api/query}) and dblp's publication search ({@code /search/publ/api}) on
 * a loopback ephemeral port (JDK {@code HttpServer}), answering in the real services' formats from hand-written
 * fixtures in {@code src/test/resources/metadata/}: an Atom feed of the entries {@code arxiv/ID.xml} asked for (ids it
 * has no entry for are left out, as arXiv leaves out unknown ids), and the dblp answer {@code dblp/QUERY-SLUG.json}
 * ({@code dblp/none.json}, no hits, for the others). It records every request (path and query, decoded) and its
 * User-Agent, and answers the next requests with the faults queued ({@link #fail}).
 */
public final class MetadataStandIn implements AutoCloseable {
    /** CLIP's authors, in order, as the fixtures serve them (dblp's published version, {@code arxiv/2103.00020.xml} alike). */
    public static final List<String> CLIP_AUTHORS = List.of(
            "Alec Radford",
            "Jong Wook Kim",
            "Chris Hallacy",
            "Aditya Ramesh",
            "Gabriel Goh",
            "Sandhini Agarwal",
            "Girish Sastry",
            "Amanda Askell",
            "Pamela Mishkin",
            "Jack Clark",
            "Gretchen Krueger",
            "Ilya Sutskever");

    /** A fault to answer a request with instead of the fixture: an HTTP status, or a body that is not XML. */
    record Fault(int status, String body, long sleepMillis) {
        Fault(int status, String body) {
            this(status, body, 0);
        }

        static final Fault UNAVAILABLE = new Fault(503, "Service Unavailable");
        static final Fault BROKEN_JSON = new Fault(200, "{\"result\":{\"hits\":{\"hit\":[{\"info\":");
        /** An answer that comes after a while (longer than the tests' read timeout). */
        static final Fault SLOW = new Fault(200, "", 3000);

        static final Fault BROKEN_XML = new Fault(
                200,
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/");
    }

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> agents = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ArrayDeque<>();

    public MetadataStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/query", this::arxiv);
        server.createContext("/search/publ/api", this::dblp);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "metadata-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String arxivUrl() {
        return base() + "/api/query";
    }

    public String dblpUrl() {
        return base() + "/search/publ/api";
    }

    /** The command line {@code link --metadata} asking here, with no pause between requests, then {@code more}. */
    public String[] command(String... more) {
        List<String> args = new ArrayList<>(
                List.of("link", "--metadata", "--arxiv-url", arxivUrl(), "--dblp-url", dblpUrl(), "--delay", "0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The services of a {@link PaperMetadata} run asking here, {@code batchSize} arXiv ids per request. */
    PaperMetadata.Services services(int batchSize) {
        return new PaperMetadata.Services(arxivUrl(), dblpUrl(), batchSize);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next request (to either service) with this fault instead of the fixture. */
    synchronized MetadataStandIn fail(Fault f) {
        faults.add(f);
        return this;
    }

    /** Every request, as "PATH?QUERY" (decoded), in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> agents() {
        return List.copyOf(agents);
    }

    /** The requests to one service's path. */
    List<String> requests(String path) {
        return requests().stream().filter(r -> r.startsWith(path + "?")).toList();
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private void arxiv(HttpExchange x) throws IOException {
        Map<String, String> q = record(x);
        Fault f = nextFault();
        if (f != null) {
            fault(x, f, "application/atom+xml");
            return;
        }
        List<String> ids = List.of(q.getOrDefault("id_list", "").split(","));
        StringBuilder feed = new StringBuilder();
        int total = 0;
        StringBuilder entries = new StringBuilder();
        for (String id : ids) {
            String entry = fixture("arxiv/" + id + ".xml");
            if (entry == null) continue;
            entries.append(entry);
            total++;
        }
        feed.append(fixture("arxiv/feed-head.xml")
                .replace("{ID_LIST}", q.getOrDefault("id_list", ""))
                .replace("{MAX}", q.getOrDefault("max_results", "10"))
                .replace("{TOTAL}", Integer.toString(total)));
        feed.append(entries).append(fixture("arxiv/feed-tail.xml"));
        send(x, 200, "application/atom+xml; charset=utf-8", feed.toString());
    }

    private void dblp(HttpExchange x) throws IOException {
        Map<String, String> q = record(x);
        Fault f = nextFault();
        if (f != null) {
            fault(x, f, "application/json");
            return;
        }
        String answer = fixture("dblp/" + q.getOrDefault("q", "").strip().replace(' ', '-') + ".json");
        send(x, 200, "application/json", answer != null ? answer : fixture("dblp/none.json"));
    }

    private Map<String, String> record(HttpExchange x) {
        String raw = x.getRequestURI().getRawQuery();
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null)
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        StringBuilder s = new StringBuilder(x.getRequestURI().getPath()).append('?');
        q.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '?' ? "" : "&")
                .append(k)
                .append('=')
                .append(v));
        requests.add(s.toString());
        agents.add(x.getRequestHeaders().getFirst("User-Agent"));
        return q;
    }

    private static String fixture(String name) {
        try (InputStream in = MetadataStandIn.class.getResourceAsStream("/metadata/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fault(HttpExchange x, Fault f, String type) throws IOException {
        if (f.sleepMillis() > 0)
            try {
                Thread.sleep(f.sleepMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        send(x, f.status(), type, f.body());
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
