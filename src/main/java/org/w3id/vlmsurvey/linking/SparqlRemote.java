package org.w3id.vlmsurvey.linking;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.bundle.BuildVersion;

/**
 * Asks a remote SPARQL endpoint a SELECT query, politely: a User-Agent naming the project, connect and read timeouts,
 * and a bounded number of tries with exponential back-off when the remote is busy (429), failing (5xx) or silent.
 */
public final class SparqlRemote {
    private static final Logger LOG = LoggerFactory.getLogger(SparqlRemote.class);
    public static final String USER_AGENT =
            "vlm-survey-kg/" + BuildVersion.current().version()
                    + " (https://w3id.org/vlm-survey/; links the papers of a survey to Wikidata and dblp) Apache-Jena/"
                    + BuildVersion.current().jena();

    /** How to ask: read timeout, number of tries, first back-off delay (doubled after each failed try). */
    public record Settings(Duration connectTimeout, Duration readTimeout, int tries, Duration backoff) {
        public Settings {
            if (tries < 1) throw new IllegalArgumentException("tries must be at least 1");
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(60), 3, Duration.ofSeconds(2));
        }
    }

    /** A query that failed for good: the HTTP status (0 when there was no answer), why, and how often it was tried. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status, tries;

        Failure(int status, String message, int tries) {
            super(message);
            this.status = status;
            this.tries = tries;
        }

        public int status() {
            return status;
        }

        public int tries() {
            return tries;
        }
    }

    private final HttpClient client;
    private final Settings settings;

    public SparqlRemote(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The rows of a SELECT query, or a {@link Failure} once the tries are used up or the error is not transient. */
    public List<Binding> select(String url, Query query) throws Failure {
        long delay = settings.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return selectOnce(url, query);
            } catch (RuntimeException e) {
                int status = status(e);
                String message = message(e, status);
                boolean transient_ = status == 429 || status >= 500 || (status <= 0 && isIO(e));
                if (!transient_ || attempt >= settings.tries()) throw new Failure(status, message, attempt);
                LOG.info(
                        "{}: try {} of {} failed ({}), again in {} ms", url, attempt, settings.tries(), message, delay);
                sleep(delay);
                delay *= 2;
            }
        }
    }

    private List<Binding> selectOnce(String url, Query query) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(url)
                .httpClient(client)
                .query(query)
                .httpHeader("User-Agent", USER_AGENT)
                .acceptHeader("application/sparql-results+json")
                .timeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build()) {
            RowSet rows = exec.select();
            List<Binding> out = new ArrayList<>();
            rows.forEachRemaining(out::add);
            return out;
        }
    }

    private static int status(Throwable e) {
        if (e instanceof QueryExceptionHTTP q) return Math.max(q.getStatusCode(), 0);
        if (e instanceof HttpException h) return Math.max(h.getStatusCode(), 0);
        return 0;
    }

    private static boolean isIO(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IOException) return true;
        return false;
    }

    private String message(Throwable e, int status) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof HttpTimeoutException)
                return "no answer within " + settings.readTimeout().toMillis() + " ms (read timeout)";
        if (status > 0) {
            String body = e instanceof QueryExceptionHTTP q ? q.getResponse() : ((HttpException) e).getResponse();
            String line = e instanceof QueryExceptionHTTP q ? q.getResponseMessage() : null;
            StringBuilder sb = new StringBuilder("HTTP ").append(status);
            if (line != null && !line.isBlank() && !line.equals(String.valueOf(status)))
                sb.append(' ').append(line.strip());
            if (body != null && !body.isBlank()) sb.append(": ").append(shorten(body));
            return sb.toString();
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + shorten(m));
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
