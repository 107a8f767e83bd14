package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.query.QueryGuards;
import org.w3id.vlmsurvey.query.QueryPolicy;
import org.w3id.vlmsurvey.query.QueryRefused;
import org.w3id.vlmsurvey.query.ServicePolicy;
import org.w3id.vlmsurvey.server.web.ErrorPage;
import org.w3id.vlmsurvey.server.web.PageParameters;

/**
 * How the pages (browse, search, Linked Data) answer a failure: one short plain-text message, never a stack trace.
 * A parameter outside its values ({@link PageParameters.Invalid}) answers its 400 or 404 (for a browser as a page
 * in the site's layout with a search box, for a JSON client as JSON: {@link ErrorPage}); a query refused by the
 * {@link QueryPolicy} or past a limit of the {@link QueryGuards} 400; a refused SERVICE 403; a query past the
 * timeout 503 with {@code Retry-After}. Anything else is a bug: 500 with an id, and the stack trace once in the
 * log under that id.
 */
public final class PageErrorFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(PageErrorFilter.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | StackOverflowError e) {
            HttpServletResponse resp = (HttpServletResponse) response;
            if (resp.isCommitted()) throw e;
            answer((HttpServletRequest) request, resp, e);
        }
    }

    /** The status and message of a failure, as described above. */
    static void answer(HttpServletRequest req, HttpServletResponse resp, Throwable thrown) throws IOException {
        Throwable e = cause(thrown);
        if (e instanceof PageParameters.Invalid i) {
            resp.setHeader("Cache-Control", "no-store");
            ErrorPage.send(req, resp, i);
        } else if (e instanceof QueryCancelledException) {
            resp.setHeader("Retry-After", "5");
            send(resp, 503, "Service unavailable: the query behind this page took longer than the server's timeout");
        } else if (e instanceof ServicePolicy.Refused) {
            send(resp, 403, "Forbidden: " + e.getMessage());
        } else if (e instanceof QueryGuards.LimitExceeded
                || e instanceof QueryRefused
                || e instanceof QueryParseException
                || e instanceof org.apache.jena.query.text.TextIndexParseException) {
            send(resp, 400, "Bad request: " + e.getMessage());
        } else if (e instanceof StackOverflowError) {
            send(resp, 400, "Bad request: the request is nested too deeply");
        } else if (e instanceof IOException io && isClientGone(io)) {
            throw io;
        } else {
            String id = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            LOG.error("[{}] {} {}: internal error", id, req.getMethod(), req.getRequestURI(), thrown);
            send(resp, 500, "Internal error " + id + ": a bug of this server; its log has the details under this id");
        }
    }

    private static boolean isClientGone(IOException e) {
        return e.getClass().getName().contains("EofException");
    }

    /** The first cause that is one of ours or Jena's, through servlet and runtime wrappers. */
    private static Throwable cause(Throwable t) {
        Throwable e = t;
        for (int i = 0; i < 10 && e.getCause() != null && e.getCause() != e; i++) {
            if (e instanceof PageParameters.Invalid
                    || e instanceof QueryCancelledException
                    || e instanceof org.apache.jena.query.QueryException) return e;
            e = e.getCause();
        }
        return e;
    }

    private static void send(HttpServletResponse resp, int status, String message) throws IOException {
        send(resp, status, "text/plain;charset=utf-8", message + "\n");
    }

    private static void send(HttpServletResponse resp, int status, String type, String body) throws IOException {
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-store");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(b.length);
        resp.getOutputStream().write(b);
    }
}
