package org.w3id.vlmsurvey.server.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * At most {@code max} open connections from one client address (Jetty's own {@code NetworkConnectionLimit} counts
 * all clients together). A connection over the limit is answered {@code 503} with {@code Retry-After} at once,
 * without reading its request, and closed: one address cannot hold the server's connections, file descriptors or
 * body buffers. Behind a reverse proxy every client has the proxy's address: raise the limit or give 0 (none).
 *
 * <p>Which connections are over the limit is the order in which Jetty opens them, not the order the client made
 * them: each accepted connection is opened (and this listener called) on a pool thread of its own, so on a busy
 * machine the 33rd connection can be counted before the 32nd. A connection is counted under the address it was
 * opened with: when it is closed its endpoint no longer knows its peer ({@code getRemoteSocketAddress()} is
 * {@code null} once the channel is closed), so reading the address again there would never give the place back.
 *
 * <p>Jetty still reads a refused connection (its {@code HttpConnection} asks to read right after this listener
 * has run): a request the client sends before the close would be parsed and run although its answer can never be
 * written. {@link #gate} drops every request of a refused connection before any other handler sees it.
 */
public final class AddressConnectionLimit implements Connection.Listener {
    static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n"
                    + "Content-Type: text/plain;charset=utf-8\r\nContent-Length: 66\r\n\r\n"
                    + "too many connections from your address: try again in a few seconds")
            .getBytes(StandardCharsets.US_ASCII);

    private final int max;
    private final Scheduler scheduler;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** The address each open connection is counted under. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    /** The open connections answered 503: their requests are never run. */
    private final Set<Connection> refused = ConcurrentHashMap.newKeySet();

    public AddressConnectionLimit(int max, Scheduler scheduler) {
        this.max = max;
        this.scheduler = scheduler;
    }

    /** Open connections from this address now. */
    public int open(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress a = address(connection);
        if (a == null) return;
        counted.put(connection, a);
        int n = open.merge(a, 1, Integer::sum);
        if (n > max) {
            refused.add(connection); // before Jetty can read it: HttpConnection asks to read after its listeners
            refuse(connection.getEndPoint());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        refused.remove(connection);
        InetAddress a = counted.remove(connection);
        if (a != null) open.computeIfPresent(a, (k, v) -> v <= 1 ? null : v - 1);
    }

    /**
     * {@code next}, behind a gate that drops every request of a connection this limit refused without running it
     * (or reading its body): the connection was answered 503 already. To be the outermost handler, so that no other
     * one sees such a request.
     */
    public Handler gate(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!refused.contains(request.getConnectionMetaData().getConnection()))
                    return super.handle(request, response, callback);
                // answered already (the 503): nothing more can be written, the connection closes
                callback.succeeded();
                return true;
            }
        };
    }

    /**
     * The whole answer, then the output shut and the connection closed a moment later (so the client reads the
     * answer instead of a reset). Written with a callback: a flush that takes only part of it finishes when the
     * socket can take the rest, instead of the rest being dropped.
     */
    private void refuse(EndPoint endPoint) {
        try {
            endPoint.write(
                    Callback.from(
                            () -> {
                                endPoint.shutdownOutput();
                                scheduler.schedule(endPoint::close, 1, TimeUnit.SECONDS);
                            },
                            failure -> endPoint.close()),
                    ByteBuffer.wrap(BUSY));
        } catch (RuntimeException e) {
            endPoint.close();
        }
    }

    private static InetAddress address(Connection c) {
        SocketAddress s = c.getEndPoint().getRemoteSocketAddress();
        return s instanceof InetSocketAddress i ? i.getAddress() : null;
    }
}
