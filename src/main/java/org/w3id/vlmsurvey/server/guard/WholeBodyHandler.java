package org.w3id.vlmsurvey.server.guard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Slow clients are held apart from the query slots and the threads. In front of everything (a Jetty handler, before
 * the servlets and their filters): every response gets the {@link SecurityHeaders}; a request with a body
 * ({@code Content-Length} or chunked) has its whole body read <em>asynchronously</em> (no thread waits for a slow
 * client) and only then is handed on, so {@link AdmissionFilter} takes a query slot only once the body is there.
 * The body must arrive within {@code total} and never pause longer than {@code idle}, or the request answers 408;
 * a body larger than {@code max} answers 413 (as {@link QuerySizeFilter} does for query strings); when the bodies
 * being read hold more than {@code budget} bytes together, a new byte answers 503.
 */
public final class WholeBodyHandler extends Handler.Wrapper {
    private final long max;
    private final long totalNanos, idleNanos;
    private final long budget;
    private final AtomicLong pending = new AtomicLong();

    public WholeBodyHandler(Handler next, long max, Duration total, Duration idle, long budget) {
        super(next);
        this.max = max;
        this.totalNanos = total.toNanos();
        this.idleNanos = idle.toNanos();
        this.budget = budget;
    }

    /** Bytes of request bodies held right now (being read, or handed on and not yet answered). */
    public long pending() {
        return pending.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.apply(response.getHeaders());
        HttpFields h = request.getHeaders();
        long length = h.getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = h.contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) return next(request, response, callback);
        if (length > max) {
            refuse(response, callback, 413, QuerySizeFilter.tooLargeMessage("the request body", max));
            return true;
        }
        new Reader(request, response, callback).run();
        return true;
    }

    private boolean next(Request request, Response response, Callback callback) throws Exception {
        if (super.handle(request, response, callback)) return true;
        Response.writeError(request, response, callback, 404);
        return true;
    }

    static void refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (status == 503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        Content.Sink.write(response, true, message, callback);
    }

    /** Reads one body: called first by {@link #handle}, then by Jetty whenever more of the body arrives. */
    private final class Reader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean done = new AtomicBoolean();
        private final long start = System.nanoTime();
        private final Scheduler scheduler;
        private volatile long last = start;
        private volatile Scheduler.Task task;
        private final AtomicLong held = new AtomicLong();

        Reader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.scheduler = request.getComponents().getScheduler();
            schedule();
        }

        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk c = request.read();
                if (c == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(c)) {
                    if (finish())
                        fail(
                                400,
                                "the request body could not be read: "
                                        + c.getFailure().getClass().getSimpleName() + "\n");
                    return;
                }
                ByteBuffer b = c.getByteBuffer();
                int n = b.remaining();
                if (n > 0) {
                    last = System.nanoTime();
                    if (body.size() + n > max) {
                        c.release();
                        if (finish()) fail(413, QuerySizeFilter.tooLargeMessage("the request body", max));
                        return;
                    }
                    if (pending.addAndGet(n) > budget) {
                        pending.addAndGet(-n);
                        c.release();
                        if (finish())
                            fail(
                                    503,
                                    "too many request bodies being received at once: try "
                                            + "again in a few seconds\n");
                        return;
                    }
                    held.addAndGet(n);
                    if (done.get()) { // timed out meanwhile
                        c.release();
                        drop();
                        return;
                    }
                    byte[] a = new byte[n];
                    b.get(a);
                    body.write(a, 0, n);
                }
                boolean lastChunk = c.isLast();
                c.release();
                if (lastChunk) {
                    if (finish()) handOn();
                    return;
                }
            }
        }

        private void handOn() {
            long bytes = held.getAndSet(0);
            Callback release = Callback.from(callback, () -> pending.addAndGet(-bytes));
            try {
                next(new Buffered(request, body.toByteArray()), response, release);
            } catch (Throwable t) {
                release.failed(t);
            }
        }

        private void schedule() {
            long now = System.nanoTime();
            long due = Math.min(start + totalNanos, last + idleNanos) - now;
            task = scheduler.schedule(this::check, Math.max(1_000_000, due), TimeUnit.NANOSECONDS);
        }

        private void check() {
            if (done.get()) return;
            long now = System.nanoTime();
            boolean total = now - start >= totalNanos;
            if (total || now - last >= idleNanos) {
                if (finish())
                    fail(
                            408,
                            total
                                    ? "the request body did not arrive whole within "
                                            + Duration.ofNanos(totalNanos).toMillis() + " ms (--body-timeout)\n"
                                    : "the request body sent nothing for "
                                            + Duration.ofNanos(idleNanos).toMillis() + " ms (--body-idle-timeout)\n");
                return;
            }
            schedule();
        }

        private void fail(int status, String message) {
            drop();
            refuse(response, callback, status, message);
        }

        private void drop() {
            pending.addAndGet(-held.getAndSet(0));
        }

        /** True for the one caller that ends the reading (complete, refused or timed out). */
        private boolean finish() {
            if (!done.compareAndSet(false, true)) return false;
            Scheduler.Task t = task;
            if (t != null) t.cancel();
            return true;
        }
    }

    /** The request with its body already read: the body is one chunk, always available. */
    static final class Buffered extends Request.Wrapper {
        private Content.Chunk chunk;

        Buffered(Request request, byte[] body) {
            super(request);
            this.chunk = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk c = chunk;
            if (c == null) return Content.Chunk.EOF;
            chunk = null;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            synchronized (this) {
                chunk = null;
            }
            return true;
        }
    }
}
