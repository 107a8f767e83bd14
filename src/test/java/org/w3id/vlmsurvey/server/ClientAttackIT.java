package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.Eventually;
import org.w3id.vlmsurvey.cli.Jar;
import org.w3id.vlmsurvey.export.BibTeXProgramTest;
import org.w3id.vlmsurvey.server.guard.PasswordFile;

/**
 * The transport, output and operations attacks of issue 22, against the shaded jar started as the README says
 * ({@code java -jar target/vlm-survey-kg.jar serve}, port 0, default heap), over real sockets on loopback. Slow
 * clients come from their own loopback addresses ({@code 127.0.0.N}: Linux routes all of 127/8 to this machine), so
 * the per-address limits are tested as a server on the internet sees them. After every attack the same server
 * answers a ping and the mission query ({@code queries/contrastive-with-code-2022.rq}) exactly as before it, and the
 * attack got its 4xx/503 within its timeout plus a second. Every slow client is bounded in count and time and stops
 * by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAttackIT {
    /** Short body deadlines, so that each slow-client test ends in seconds. */
    static final int BODY_TIMEOUT_S = 4, BODY_IDLE_S = 2;

    static final String BASE_URL = "https://kg.example.org/vlm";

    AttackIT.Served server;
    HttpServer standIn;
    final AtomicInteger adminHits = new AtomicInteger();
    /** The queries (decoded URL query and body) the stand-in SPARQL service was asked. */
    final List<String> serviceAsked = new CopyOnWriteArrayList<>();

    String mission, missionAnswer;

    @BeforeAll
    void start() throws Exception {
        standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.createContext("/", x -> {
            if (!x.getRequestURI().getRawPath().startsWith("/sparql")) adminHits.incrementAndGet();
            else
                serviceAsked.add(URLDecoder.decode(
                        x.getRequestURI().getRawQuery() + "&"
                                + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
            byte[] b = "{\"head\":{\"vars\":[\"o\"]},\"results\":{\"bindings\":[]}}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        standIn.start();
        Path passwords = Files.createTempFile("update-users", ".txt");
        passwords.toFile().deleteOnExit();
        Files.writeString(passwords, PasswordFile.line("editor", "s3cret pass") + "\n");
        server = new AttackIT.Served(
                null,
                Map.of(),
                known(
                        "--timeout",
                        "2s",
                        "--body-timeout",
                        BODY_TIMEOUT_S + "s",
                        "--body-idle-timeout",
                        BODY_IDLE_S + "s",
                        "--base-url",
                        BASE_URL,
                        "--allow-service",
                        "http://127.0.0.1:" + standIn.getAddress().getPort() + "/sparql",
                        "--update-password-file",
                        passwords.toString()));
        mission = Files.readString(Path.of("queries/contrastive-with-code-2022.rq"));
        HttpResponse<String> r = Http.query(server.url, mission, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        missionAnswer = r.body();
        assertTrue(missionAnswer.lines().count() > 1, "the mission query has answers: " + missionAnswer);
    }

    /**
     * The options (each with its value) that the jar under test knows, from its {@code serve --help}: the suite can
     * then run against the jar of an earlier version ({@code -Dvlm.jar=old.jar}) to show the attacks failing there.
     */
    static String[] known(String... optionsAndValues) throws Exception {
        Jar.Run help = Jar.run(Path.of("."), "serve", "--help");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < optionsAndValues.length; i += 2)
            if (help.out().contains(optionsAndValues[i] + "=")) {
                kept.add(optionsAndValues[i]);
                kept.add(optionsAndValues[i + 1]);
            }
        return kept.toArray(new String[0]);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (standIn != null) standIn.stop(0);
    }

    /** The server still answers: a ping, and the mission query with the answer it gave before any attack. */
    void alive() throws Exception {
        HttpResponse<String> ping = get("/$/ping");
        assertEquals(200, ping.statusCode(), "ping after the attack: " + ping.body());
        HttpResponse<String> q = Http.query(server.url, mission, "text/csv");
        assertEquals(200, q.statusCode(), "the mission query after the attack: " + q.body());
        assertEquals(missionAnswer, q.body());
    }

    /**
     * A GET from 127.0.0.1 through the one pooled client: a new client per request would leave its connection open
     * until the client is collected, and the server counts every open connection of the address (32 idle ones
     * left by earlier requests made the ping of {@link #alive()} a 503 once in CI).
     */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.url + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return Http.send(b.build());
    }

    int port() {
        return URI.create(server.url).getPort();
    }

    // --- raw HTTP over sockets bound to a chosen loopback address

    /** A connection to the server from {@code 127.0.0.<n>}. */
    Socket connect(int n) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + n), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
        s.setSoTimeout(1000);
        return s;
    }

    static void send(Socket s, String text) throws IOException {
        OutputStream o = s.getOutputStream();
        o.write(text.getBytes(StandardCharsets.ISO_8859_1));
        o.flush();
    }

    /**
     * The status code of the answer on this connection, waiting at most {@code wait}; -1 when it closed without,
     * -2 when no status line came within {@code wait}.
     */
    static int status(Socket s, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        StringBuilder line = new StringBuilder();
        InputStream in = s.getInputStream();
        while (System.nanoTime() < end) {
            int c;
            try {
                c = in.read();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return -1;
            }
            if (c < 0) return -1;
            if (c == '\n') break;
            line.append((char) c);
        }
        return statusCode(line);
    }

    static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    /** The status code of an HTTP/1.1 status line; -2 when the line is not one. */
    static int statusCode(CharSequence line) {
        Matcher m = STATUS_LINE.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -2;
    }

    /**
     * The answers that come on these connections without anything being sent on them: all are polled until
     * {@code expected} have answered (their status code; -1 when one closed without an answer, -2 when it sent
     * something that is not a status line) or {@code limit} has passed. The ones that say nothing are left out.
     * The limit bounds a hung server; a slow answer on a loaded machine is still read.
     */
    static Map<Socket, Integer> unasked(List<Socket> sockets, int expected, Duration limit) throws IOException {
        Map<Socket, StringBuilder> lines = new HashMap<>();
        Map<Socket, Integer> got = new HashMap<>();
        long end = System.nanoTime() + limit.toNanos();
        while (got.size() < expected && System.nanoTime() < end)
            for (Socket s : sockets) {
                if (got.containsKey(s)) continue;
                StringBuilder line = lines.computeIfAbsent(s, k -> new StringBuilder());
                s.setSoTimeout(5);
                try {
                    InputStream in = s.getInputStream();
                    for (int c = in.read(); ; c = in.read()) {
                        if (c < 0) {
                            got.put(s, -1);
                            break;
                        }
                        if (c == '\n') {
                            got.put(s, statusCode(line));
                            break;
                        }
                        line.append((char) c);
                    }
                } catch (SocketTimeoutException e) {
                    // nothing more yet: what came is kept in line
                } catch (IOException e) {
                    got.put(s, -1);
                }
            }
        for (Socket s : sockets) if (!s.isClosed()) s.setSoTimeout(1000);
        return got;
    }

    /** The whole answer of a raw request: status line, headers and body until the server closes. */
    static String exchange(Socket s, String request) throws IOException {
        send(s, request);
        s.setSoTimeout(10_000);
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets)
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
    }

    static String postHead(String path, String contentType, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + "\r\n";
    }

    // --- 5. Slow clients held apart

    /** Six connections trickling Content-Length bodies made every SPARQL query answer 503. */
    @Test
    void trickledBodiesTakeNoQuerySlot() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            String body = "query=" + Http.enc("ASK {}") + "&x=" + "y".repeat(1000);
            for (int i = 0; i < 6; i++) {
                Socket s = connect(20);
                send(s, postHead("/survey/sparql", "application/x-www-form-urlencoded", body.length()));
                send(s, body.substring(0, 10));
                slow.add(s);
            }
            long start = System.nanoTime();
            for (int round = 0; round < 3; round++) {
                for (Socket s : slow) send(s, "y"); // a byte now and then: never idle for long, never complete
                HttpResponse<String> q = Http.query(server.url, mission, "text/csv");
                assertEquals(200, q.statusCode(), "a query while 6 bodies trickle: " + q.body());
                Thread.sleep(500);
            }
            for (Socket s : slow) {
                int status = status(s, Duration.ofSeconds(BODY_TIMEOUT_S + 1).minusNanos(System.nanoTime() - start));
                assertEquals(408, status, "the trickled body ends with 408 within --body-timeout + 1 s");
            }
        } finally {
            closeAll(slow);
        }
        alive();
    }

    /**
     * About 52 never-ending chunked bodies used up the thread pool: ping, pages and queries all timed out. Here 200
     * clients from ten addresses (20 each, under the per-address limit) send a chunk every half second.
     */
    @Test
    void twoHundredNeverEndingChunkedBodiesLeavePingPagesAndQueriesAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        ExecutorService trickle = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = connect(30 + i % 10);
                send(s, postHead("/survey/sparql", "application/sparql-query", -1));
                send(s, "1\r\nA\r\n");
                slow.add(s);
            }
            long start = System.nanoTime();
            Future<?> sender = trickle.submit(() -> {
                // stops by itself after the body timeout and a second
                while (System.nanoTime() - start
                        < Duration.ofSeconds(BODY_TIMEOUT_S + 1).toNanos()) {
                    for (Socket s : slow)
                        try {
                            send(s, "1\r\nB\r\n");
                        } catch (IOException e) {
                            // answered and closed
                        }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            for (String path : List.of("/$/ping", "/papers", "/resource/paper/arxiv-2103.00020", "/static/page.js")) {
                HttpResponse<String> r = get(path);
                assertEquals(200, r.statusCode(), path + " while 200 bodies trickle");
            }
            HttpResponse<String> q = Http.query(server.url, mission, "text/csv");
            assertEquals(200, q.statusCode(), "the mission query while 200 bodies trickle: " + q.body());
            assertEquals(missionAnswer, q.body());
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Socket s : slow) {
                long left = Duration.ofSeconds(BODY_TIMEOUT_S + 1).toNanos() - (System.nanoTime() - start);
                statuses.merge(status(s, Duration.ofNanos(Math.max(left, 1))), 1, Integer::sum);
            }
            assertEquals(Map.of(408, 200), statuses, "every never-ending body ends with 408 within the timeout + 1 s");
            sender.get(BODY_TIMEOUT_S + 5, TimeUnit.SECONDS);
        } finally {
            trickle.shutdownNow();
            closeAll(slow);
        }
        alive();
    }

    /** A body that stops sending ends after the idle timeout, not the total one. */
    @Test
    void stalledBodyEndsAfterTheIdleTimeout() throws Exception {
        try (Socket s = connect(21)) {
            send(s, postHead("/survey/sparql", "application/sparql-query", 100));
            send(s, "SELECT");
            long start = System.nanoTime();
            assertEquals(408, status(s, Duration.ofSeconds(BODY_IDLE_S + 1)));
            assertTrue(System.nanoTime() - start
                    < Duration.ofSeconds(BODY_TIMEOUT_S).toNanos());
        }
        alive();
    }

    /**
     * One address holding 100 connections: the 68 over the limit are answered 503 at once, without a request, and
     * closed; the 32 others are served. Which 32 is the order in which the server opened them, not the order they
     * were made in: Jetty opens each accepted connection on a pool thread of its own, so on a busy machine the 33rd
     * can be counted before the 32nd. Once they are closed the address is served again.
     */
    @Test
    void oneAddressGetsAtMostItsConnections() throws Exception {
        int max = ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) held.add(connect(22));
            Map<Socket, Integer> unasked = unasked(held, 100 - max, Duration.ofSeconds(30));
            Map<Integer, Integer> statuses = new HashMap<>();
            for (int status : unasked.values()) statuses.merge(status, 1, Integer::sum);
            assertEquals(
                    Map.of(503, 100 - max),
                    statuses,
                    "connections over the per-address limit are answered 503 (-1: closed without an answer; fewer:"
                            + " no answer within 30 s)");
            // the others, all still open, are served
            for (Socket s : held)
                if (!unasked.containsKey(s)) {
                    String answer = exchange(s, PING);
                    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                }
            alive(); // from 127.0.0.1: another address
        } finally {
            closeAll(held);
        }
        Eventually.until(
                Duration.ofSeconds(30), "127.0.0.22 served again once its connections are closed", () -> pingFrom(22)
                        .startsWith("HTTP/1.1 200"));
    }

    static final String PING = "GET /$/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    /**
     * A query sent at once on a connection over the per-address limit, before its 503 is read, is never run. Jetty
     * still read such a connection after the 503, and ran its request although no answer could be written: one
     * address could make the server work on every connection it opened over its limit. The query calls the stand-in
     * SPARQL service with a mark of its own, so that running it is seen without its answer; the same query from
     * another address, asked once the server has closed the refused connection, reaches the stand-in (the mark is
     * seen when a query runs).
     */
    @Test
    void aQueryOnARefusedConnectionIsNeverRun() throws Exception {
        int max = ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < max; i++) held.add(connect(25));
            Eventually.until(
                    Duration.ofSeconds(30),
                    "all " + max + " held connections counted: one more from 127.0.0.25 answered 503",
                    () -> pingFrom(25).startsWith("HTTP/1.1 503"));
            String refused = null;
            for (int k = 0; k < 20 && refused == null; k++)
                try (Socket s = connect(25)) {
                    String mark = "refused-connection-" + k;
                    String answer = exchange(
                            s,
                            "GET /survey/sparql?query="
                                    + URLEncoder.encode(serviceQuery(mark), StandardCharsets.UTF_8)
                                    + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    if (answer.startsWith("HTTP/1.1 503")) {
                        refused = mark;
                        // the 503 ends with the server's output shut, not with its close: Jetty could still read
                        // and run the query until then
                        Eventually.until(
                                Duration.ofSeconds(30), "the server closes the refused connection", () -> closed(s));
                    }
                }
            assertNotNull(refused, "no connection from 127.0.0.25 was refused in 20");
            HttpResponse<String> after =
                    Http.query(server.url, serviceQuery("asked-after"), "application/sparql-results+json");
            assertEquals(200, after.statusCode(), after.body());
            assertTrue(serviceAsked.stream().anyMatch(q -> q.contains("asked-after")), serviceAsked.toString());
            String mark = refused;
            assertFalse(
                    serviceAsked.stream().anyMatch(q -> q.contains(mark + "\"")),
                    "the query sent on the refused connection was run: " + serviceAsked);
        } finally {
            closeAll(held);
        }
        alive();
    }

    /**
     * Whether the server has closed this connection: an empty line (which HTTP/1.1 lets come before a request) is
     * refused once it has, at the latest on the second write after the close.
     */
    static boolean closed(Socket s) {
        try {
            send(s, "\r\n");
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** A query that asks the stand-in SPARQL service for triples with this literal. */
    String serviceQuery(String mark) {
        return "SELECT ?s { SERVICE <http://127.0.0.1:" + standIn.getAddress().getPort() + "/sparql> { ?s ?p \"" + mark
                + "\" } }";
    }

    /** The whole answer to a ping on a new connection from {@code 127.0.0.<n>}, or the error that stopped it. */
    String pingFrom(int n) {
        try (Socket s = connect(n)) {
            return exchange(s, PING);
        } catch (IOException e) {
            return e.toString();
        }
    }

    // --- 9. Headers and small fixes

    /** A GET query of 512 kB to 1 MB answered 414; any query too large is 413. */
    @Test
    void oversizedGetQueryIs413() throws Exception {
        for (int size : new int[] {600_000, 900_000, 1_200_000})
            try (Socket s = connect(23)) {
                long start = System.nanoTime();
                String answer =
                        exchange(s, "GET /survey/sparql?query=" + "a".repeat(size) + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(
                        answer.startsWith("HTTP/1.1 413"),
                        size + ": " + answer.lines().findFirst().orElse(""));
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
            }
        alive();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPagesHaveNoInlineScript() throws Exception {
        for (String path : List.of(
                "/",
                "/papers",
                "/charts",
                "/search?q=clip",
                "/resource/paper/arxiv-2103.00020",
                "/survey/sparql?query=ASK%7B%7D",
                "/$/ping",
                "/static/page.js",
                "/no/such/page",
                "/survey/sparql?query=SELEKT")) {
            HttpResponse<String> r = get(path);
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), path + ": " + csp);
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                // the policy allows no inline script: only scripts with src, and data blocks (JSON-LD)
                Matcher m = Pattern.compile("<script([^>]*)>").matcher(r.body());
                while (m.find())
                    assertTrue(
                            m.group(1).contains("src=") || m.group(1).contains("application/ld+json"),
                            path + ": inline script " + m.group());
                assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(r.body()).find(), path + ": event handler");
            }
        }
        alive();
    }

    /** VoID IRIs followed the Host header ({@code http://...:80} behind the documented HTTPS proxy). */
    @Test
    void voidIsMadeFromTheBaseUrlNotTheHostHeader() throws Exception {
        try (Socket s = connect(24)) {
            String answer = exchange(
                    s,
                    "GET /.well-known/void HTTP/1.1\r\nHost: evil.example:80\r\nX-Forwarded-Host: evil.example\r\n"
                            + "Accept: application/n-triples\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertFalse(answer.contains("evil.example"), answer);
            assertTrue(
                    answer.contains("<http://rdfs.org/ns/void#sparqlEndpoint> <" + BASE_URL + "/survey/sparql>"),
                    answer);
        }
        alive();
    }

    @Test
    void staticFoldersAre404() throws Exception {
        for (String path : List.of(
                "/static/vendor", "/static/vendor/", "/static/vendor/echarts", "/static/vendor/yasgui", "/static"))
            assertEquals(404, get(path).statusCode(), path);
        assertEquals(200, get("/static/vendor/echarts/LICENSE").statusCode());
        alive();
    }

    /** An allowed SERVICE prefix let {@code /sparql/%2e%2e/admin} through unnormalised. */
    @Test
    void serviceAllowListIsMatchedOnNormalisedPaths() throws Exception {
        int p = standIn.getAddress().getPort();
        for (String path :
                List.of("/sparql/%2e%2e/admin", "/sparql/%2E%2E/admin", "/sparql/../admin", "/sparql/..%2fadmin")) {
            HttpResponse<String> r = Http.query(
                    server.url,
                    "SELECT ?o { SERVICE <http://127.0.0.1:" + p + path + "> { ?s ?p ?o } }",
                    "application/sparql-results+json");
            assertEquals(403, r.statusCode(), path + ": " + r.body());
        }
        assertEquals(0, adminHits.get(), "a path outside the allowed prefix was reached");
        HttpResponse<String> ok = Http.query(
                server.url,
                "SELECT ?o { SERVICE <http://127.0.0.1:" + p + "/sparql/x/../sub> { ?s ?p ?o } }",
                "application/sparql-results+json");
        assertEquals(200, ok.statusCode(), ok.body());
        alive();
    }

    /** 42-50 of 60 concurrent wrong passwords were checked, against the documented 5 a minute. */
    @Test
    void concurrentWrongPasswordsAreCountedPerAddressAndPerUser() throws Exception {
        // 30 at once from one address (under its connection limit, so each gets to the login check)
        Map<Integer, Integer> one = guesses(30, i -> 40, i -> "mallory");
        assertTrue(one.getOrDefault(401, 0) <= 5, "at most 5 checked from one address: " + one);
        assertEquals(30, one.getOrDefault(401, 0) + one.getOrDefault(429, 0), one.toString());
        // 60 at once for one user, each from its own address
        Map<Integer, Integer> user = guesses(60, i -> 100 + i, i -> "editor");
        assertTrue(user.getOrDefault(401, 0) <= 5, "at most 5 checked for one user: " + user);
        assertEquals(60, user.getOrDefault(401, 0) + user.getOrDefault(429, 0), user.toString());
        alive();
    }

    Map<Integer, Integer> guesses(
            int n, java.util.function.IntUnaryOperator address, java.util.function.IntFunction<String> userName)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try (Socket s = connect(address.applyAsInt(k))) {
                                String body = "CLEAR DEFAULT";
                                go.await();
                                String answer = exchange(
                                        s,
                                        "POST /survey/update HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                                + "Authorization: "
                                                + Http.basic(userName.apply(k), "guess" + k)
                                                + "\r\nContent-Type: application/sparql-update\r\nContent-Length: "
                                                + body.length() + "\r\n\r\n" + body);
                                return Integer.parseInt(answer.substring(9, 12));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        pool));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (var a : answers) statuses.merge(a.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    // --- 6. Data stays data in every output

    /**
     * A pull request's title {@code ALIGN} @misc(evil2, ...)} added a BibTeX entry (43 entries for 41 papers); cells
     * starting with {@code =} reached the CSV files as formulas; JSON-LD stays inside its script element.
     */
    @Test
    void hostileTitlesStayDataInBibTeXCsvAndJsonLd(@TempDir Path work) throws Exception {
        String text = Files.readString(Path.of("data/vlm-survey.md"));
        String hostile = " ALIGN} @misc(evil2, title={x}) </script <!-- x";
        String clip = "CLIP: Learning Transferable Visual Models From Natural Language Supervision";
        String klite = "[K-LITE: Learning Transferable";
        String sbu = "[SBU Caption]";
        assertTrue(text.contains(clip + "]") && text.contains(klite) && text.contains(sbu));
        Path md = work.resolve("survey.md");
        Files.writeString(
                md,
                text.replace(clip + "]", clip + hostile + "]")
                        .replace(klite, "[=1+1 K-LITE: Learning Transferable")
                        .replace(sbu, "[=SUM(1+1) SBU Caption]"));
        try (AttackIT.Served s = new AttackIT.Served(work, Map.of(), "--source", md.toString())) {
            HttpResponse<String> count = Http.query(
                    s.url, "SELECT (COUNT(*) AS ?n) { ?p a <https://w3id.org/vlm-survey/ontology#Paper> }", "text/csv");
            int papers = Integer.parseInt(
                    count.body().lines().skip(1).findFirst().orElseThrow().strip());
            assertTrue(AttackIT.titleServed(
                    s.url, hostile.strip().substring(hostile.strip().length() - 10)));
            HttpResponse<String> bib = Http.get(s.url + "/papers.bib", null);
            assertEquals(200, bib.statusCode());
            List<String> entries = BibTeXProgramTest.read(bib.body());
            assertEquals(papers, entries.size(), "bibtex reads one entry per paper: " + entries);
            assertTrue(entries.stream().noneMatch(e -> e.startsWith("evil2")), entries.toString());
            for (String csv : List.of("/papers.csv", "/datasets.csv", "/search.csv?q=transferable")) {
                String body = Http.get(s.url + csv, null).body();
                for (String line : body.lines().toList())
                    assertFalse(
                            Pattern.compile("(^|,)\"?[=+\\-@]").matcher(line).find(),
                            csv + ": a cell a spreadsheet runs: " + line);
            }
            assertTrue(Http.get(s.url + "/papers.csv", null).body().contains("'=1+1 K-LITE"));
            assertTrue(Http.get(s.url + "/datasets.csv", null).body().contains("'=SUM(1+1) SBU Caption"));
            String page = Http.get(s.url + "/resource/paper/arxiv-2103.00020", "text/html")
                    .body();
            Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                    .matcher(page);
            assertTrue(ld.find(), page);
            assertFalse(ld.group(1).contains("<"), "JSON-LD that can close its script: " + ld.group(1));
            assertTrue(ld.group(1).contains("\\u003c!-- x"), "the title is there, escaped: " + ld.group(1));
        }
        alive();
    }
}
