package org.w3id.vlmsurvey.server.guard;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request line or header larger than its request buffer is 414 or 431, before any filter sees
 * the request: a GET query of 512 kB answered 414. A query too large is 413 on this server whatever its form, so
 * these answer 413 naming the limit; every other error goes to Fuseki's handler.
 */
public final class OversizeErrorHandler implements Request.Handler {
    private final Request.Handler next;
    private final int requestBuffer;

    public OversizeErrorHandler(Request.Handler next, int requestBuffer) {
        this.next = next;
        this.requestBuffer = requestBuffer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = response.getStatus();
        if (status == 414 || status == 431) {
            SecurityHeaders.apply(response.getHeaders());
            WholeBodyHandler.refuse(
                    response,
                    callback,
                    413,
                    (status == 414 ? "the URL (request line)" : "the request headers") + " is larger than "
                            + requestBuffer + " bytes, the most this server reads before the body: send a large query "
                            + "as a POST body (up to --max-query-size)\n");
            return true;
        }
        return next.handle(request, response, callback);
    }
}
