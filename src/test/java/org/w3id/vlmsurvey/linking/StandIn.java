package org.w3id.vlmsurvey.linking;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A local stand-in for a remote SPARQL endpoint: a read-only Fuseki on a loopback ephemeral port serving a fixture at
 * {@code /sparql}, behind a filter that counts the requests, keeps their User-Agent, and can misbehave: answer with an
 * error for the first N requests, or be slow.
 */
final class StandIn implements AutoCloseable {
    /** How the stand-in answers request number n (1-based): normally, or with an HTTP error, or after a delay. */
    interface Behaviour {
        /** Returns true when it answered itself; false to let Fuseki answer. */
        boolean answer(int n, HttpServletResponse response) throws IOException;
    }

    static final Behaviour NORMAL = (n, r) -> false;

    static Behaviour failFirst(int count, int status, String body) {
        return (n, r) -> {
            if (n > count) return false;
            r.setStatus(status);
            r.setContentType("text/plain;charset=utf-8");
            r.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            return true;
        };
    }

    static Behaviour sleep(long millis) {
        return (n, r) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
    }

    final AtomicInteger requests = new AtomicInteger();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final FusekiServer server;

    StandIn(String fixture, Behaviour behaviour) {
        DatasetGraph ds = DatasetGraphFactory.wrap(
                RDFParser.source("src/test/resources/links/" + fixture).toGraph());
        Filter filter = (ServletRequest req, ServletResponse res, FilterChain chain) -> {
            int n = requests.incrementAndGet();
            userAgents.add(String.valueOf(((HttpServletRequest) req).getHeader("User-Agent")));
            if (!behaviour.answer(n, (HttpServletResponse) res)) chain.doFilter(req, res);
        };
        server = FusekiServer.create()
                .loopback(true)
                .port(0)
                .add("/sparql", ds, false)
                .addFilter("/*", filter)
                .build()
                .start();
    }

    String url() {
        return "http://localhost:" + server.getPort() + "/sparql";
    }

    @Override
    public void close() {
        server.stop();
    }
}
