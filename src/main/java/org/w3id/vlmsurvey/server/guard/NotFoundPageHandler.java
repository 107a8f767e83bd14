package org.w3id.vlmsurvey.server.guard;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.w3id.vlmsurvey.server.web.Endpoints;
import org.w3id.vlmsurvey.server.web.ErrorPage;
import org.w3id.vlmsurvey.server.web.SurveyCitation;

/**
 * A path no servlet answers (Fuseki's catch-all answers 404 through the context's error handler): for a browser,
 * the site's 404 page ({@link ErrorPage}) instead of Jetty's bare one, for any other client one line of plain text,
 * as the pages' own 404s. The paths of the dataset ({@link Endpoints#DATASET}) go to the next handler: SPARQL and
 * Graph Store clients keep Fuseki's own errors.
 */
public final class NotFoundPageHandler implements Request.Handler {
    private final Request.Handler next;
    private final SurveyCitation citation;

    /** Before {@code next}; the 404 page's footer quotes {@code citation} (the server's README). */
    public NotFoundPageHandler(Request.Handler next, SurveyCitation citation) {
        this.next = next;
        this.citation = citation;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (response.getStatus() == 404
                && !path.equals(Endpoints.DATASET)
                && !path.startsWith(Endpoints.DATASET + "/")) {
            boolean html = ErrorPage.wantsHtml(request.getHeaders().get(HttpHeader.ACCEPT));
            String message = "Not found: " + path;
            SecurityHeaders.apply(response.getHeaders());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, (html ? "text/html" : "text/plain") + ";charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.VARY, "Accept");
            Content.Sink.write(
                    response,
                    true,
                    html ? citation.around(() -> ErrorPage.html(404, message)) : message + "\n",
                    callback);
            return true;
        }
        return next.handle(request, response, callback);
    }
}
