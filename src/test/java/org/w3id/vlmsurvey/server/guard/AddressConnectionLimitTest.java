package org.w3id.vlmsurvey.server.guard;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.Eventually;

/**
 * The per-address connection limit on a real Jetty connector over loopback sockets (the counting, which depends on
 * what Jetty's endpoints still know when a connection closes), and on an in-memory endpoint that takes the answer
 * only in small pieces (the writing).
 */
class AddressConnectionLimitTest {
    static final String PING = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    Server server;
    AddressConnectionLimit limit;
    int port;
    /** The paths of the requests the handler ran. */
    final List<String> handled = new CopyOnWriteArrayList<>();

    /**
     * A Jetty server on an ephemeral loopback port answering every request 200 "ok", with the limit installed as
     * the server installs it (listener and gate).
     */
    void start(int max) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        limit = new AddressConnectionLimit(max, connector.getScheduler());
        server.setHandler(limit.gate(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                handled.add(request.getHttpURI().getPath());
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
        }));
        connector.addEventListener(limit);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop();
    }

    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    static String exchange(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }

    int openFromLoopback() {
        return limit.open(InetAddress.getLoopbackAddress());
    }

    /**
     * Connections made one after another, each closed before the next, never reach the limit: a closed connection
     * gives its place back. (The count was once never lowered, because a closed endpoint no longer knows its peer:
     * the third connection of an address was refused for the rest of the server's life.)
     */
    @Test
    void aClosedConnectionGivesItsPlaceBack() throws Exception {
        start(2);
        for (int i = 0; i < 10; i++) {
            try (Socket s = connect()) {
                String answer = exchange(s, PING);
                assertTrue(answer.startsWith("HTTP/1.1 200"), "connection " + i + ": " + answer);
            }
            int n = i;
            Eventually.until("connection " + n + ", closed, is no longer counted", () -> openFromLoopback() == 0);
        }
    }

    /**
     * Ten connections held from one address with a limit of three: seven, whichever the server opened last, are
     * answered the whole 503 without sending anything and closed; the three others are served; once all are closed
     * nothing is counted.
     */
    @Test
    void everyConnectionOverTheLimitIsAnswered503AndTheOthersAreServed() throws Exception {
        start(3);
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) held.add(connect());
            Eventually.until("seven connections answered", () -> waiting(held) >= 7);
            List<Socket> answered = new ArrayList<>(), others = new ArrayList<>();
            for (Socket s : held) (s.getInputStream().available() > 0 ? answered : others).add(s);
            assertEquals(7, answered.size());
            for (Socket s : answered)
                assertEquals(
                        new String(AddressConnectionLimit.BUSY, StandardCharsets.US_ASCII),
                        new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII),
                        "the whole 503, then the server closes");
            for (Socket s : others) {
                String answer = exchange(s, PING);
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            }
        } finally {
            for (Socket s : held) s.close();
        }
        Eventually.until("all closed, none counted", () -> openFromLoopback() == 0);
    }

    /**
     * A request sent at once on a refused connection, before its 503 is read, is never run: the server answered
     * that connection already, so running its request would be work no answer can come from (one address could make
     * the server run queries on as many connections as it opens). The client reads the whole 503 and the server's
     * close; a request then sent on the admitted connection is run, and is the only one.
     */
    @Test
    void aRequestOnARefusedConnectionIsNeverRun() throws Exception {
        start(1);
        try (Socket admitted = connect()) {
            Eventually.until("the first connection counted", () -> openFromLoopback() == 1);
            try (Socket refused = connect()) {
                String answer = exchange(refused, "GET /refused HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(new String(AddressConnectionLimit.BUSY, StandardCharsets.US_ASCII), answer);
            }
            String served = exchange(admitted, "GET /admitted HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(served.startsWith("HTTP/1.1 200"), served);
        }
        assertEquals(List.of("/admitted"), handled, "the request on the refused connection was run");
    }

    /** How many of these connections have bytes waiting to be read. */
    static int waiting(List<Socket> sockets) {
        int n = 0;
        for (Socket s : sockets)
            try {
                if (s.getInputStream().available() > 0) n++;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        return n;
    }

    /**
     * A socket that takes the 503 only in pieces of 16 bytes still gets all of it before its output is shut: the
     * answer was once flushed once and the rest dropped.
     */
    @Test
    void anAnswerTakenInPiecesIsWrittenWhole() throws Exception {
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler();
        scheduler.start();
        try {
            AddressConnectionLimit one = new AddressConnectionLimit(1, scheduler);
            ByteArrayEndPoint first = endPoint(scheduler), second = endPoint(scheduler);
            one.onOpened(connection(first));
            assertEquals(0, first.getOutput().remaining(), "the first connection is under the limit");
            one.onOpened(connection(second));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (int i = 0; i <= AddressConnectionLimit.BUSY.length / 16 + 1 && !second.isOutputShutdown(); i++) {
                ByteBuffer b = second.takeOutput(); // the socket takes a piece: the rest is flushed
                while (b.hasRemaining()) got.write(b.get());
            }
            ByteBuffer rest = second.takeOutput();
            while (rest.hasRemaining()) got.write(rest.get());
            assertEquals(
                    new String(AddressConnectionLimit.BUSY, StandardCharsets.US_ASCII),
                    got.toString(StandardCharsets.US_ASCII));
            assertTrue(second.isOutputShutdown(), "output shut after the whole answer");
            assertEquals(2, one.open(((InetSocketAddress) second.getRemoteSocketAddress()).getAddress()));
        } finally {
            scheduler.stop();
        }
    }

    /** An in-memory endpoint whose socket takes at most 16 bytes at a time. */
    static ByteArrayEndPoint endPoint(ScheduledExecutorScheduler scheduler) {
        return new ByteArrayEndPoint(scheduler, 0, ByteBuffer.allocate(0), 16, false);
    }

    static Connection connection(EndPoint endPoint) {
        return new AbstractConnection(endPoint, Runnable::run) {
            @Override
            public void onFillable() {}
        };
    }

    /** The stored answer is one complete HTTP response: its Content-Length is its body's length. */
    @Test
    void theAnswerIsOneCompleteResponse() {
        String busy = new String(AddressConnectionLimit.BUSY, StandardCharsets.US_ASCII);
        int head = busy.indexOf("\r\n\r\n") + 4;
        assertTrue(busy.startsWith("HTTP/1.1 503 "), busy);
        assertTrue(busy.contains("\r\nContent-Length: " + (busy.length() - head) + "\r\n"), busy);
    }
}
