package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for SPARQL requests: at most {@code running} at once, at most {@code queue} more waiting (each at
 * most {@code maxWait}); any other request answers at once 503 Service Unavailable with {@code Retry-After}. The
 * server's threads are sized so that the health check, pages and static files always find a thread.
 */
public final class AdmissionFilter implements Filter {
    private final Semaphore running;
    private final int queue;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    public AdmissionFilter(int running, int queue, Duration maxWait) {
        this.running = new Semaphore(running, true);
        this.queue = queue;
        this.maxWaitMillis = maxWait.toMillis();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!running.tryAcquire()) {
            boolean admitted = false;
            if (waiting.incrementAndGet() <= queue) {
                try {
                    admitted = running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiting.decrementAndGet();
                }
            } else {
                waiting.decrementAndGet();
            }
            if (!admitted) {
                busy((HttpServletResponse) response);
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private static void busy(HttpServletResponse res) throws IOException {
        res.setStatus(503);
        res.setHeader("Retry-After", "5");
        res.setContentType("text/plain;charset=utf-8");
        res.getOutputStream()
                .write("Too many queries at once: try again in a few seconds\n".getBytes(StandardCharsets.UTF_8));
    }
}
