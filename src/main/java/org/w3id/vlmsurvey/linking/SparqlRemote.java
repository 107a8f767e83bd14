package org.w3id.vlmsurvey.linking;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;

/**
 * Asks a remote SPARQL endpoint a SELECT query through the {@link RemoteClient} (its HTTP client, User-Agent, read
 * timeout, pause and retries): Jena sends the query and reads the answer; an error is told as the client tells it.
 */
public final class SparqlRemote {
    private final RemoteClient client;

    public SparqlRemote(RemoteClient client) {
        this.client = client;
    }

    /** The rows of a SELECT query, or a {@link RemoteClient.Failure} once the tries are used up or the error is not transient. */
    public List<Binding> select(String url, Query query) throws RemoteClient.Failure {
        return client.ask(url, () -> {
            try {
                return selectOnce(url, query);
            } catch (RuntimeException e) {
                throw miss(e);
            }
        });
    }

    private List<Binding> selectOnce(String url, Query query) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(url)
                .httpClient(client.http())
                .query(query)
                .httpHeader("User-Agent", RemoteClient.USER_AGENT)
                .acceptHeader("application/sparql-results+json")
                .timeout(client.settings().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build()) {
            RowSet rows = exec.select();
            List<Binding> out = new ArrayList<>();
            rows.forEachRemaining(out::add);
            return out;
        }
    }

    /** What a failed try of Jena's means: an HTTP error answer, no answer (timeout, I/O), or an error for good. */
    private RemoteClient.Miss miss(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof HttpTimeoutException) return RemoteClient.Miss.silent(client.readTimeoutMessage());
        if (e instanceof QueryExceptionHTTP q && q.getStatusCode() > 0)
            return RemoteClient.Miss.answered(
                    q.getStatusCode(),
                    RemoteClient.httpMessage(q.getStatusCode(), q.getResponseMessage(), q.getResponse()));
        if (e instanceof HttpException h && h.getStatusCode() > 0)
            return RemoteClient.Miss.answered(
                    h.getStatusCode(), RemoteClient.httpMessage(h.getStatusCode(), null, h.getResponse()));
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = RemoteClient.describe(root);
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof IOException) return RemoteClient.Miss.silent(message);
        return RemoteClient.Miss.fatal(0, message);
    }
}
