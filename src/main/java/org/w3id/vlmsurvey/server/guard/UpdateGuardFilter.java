package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.w3id.vlmsurvey.query.ServicePolicy;

/**
 * The guard of {@code /survey/update}, in this order:
 * <ol>
 * <li>a client (remote address) with {@value #MAX_FAILURES} failed logins in the last minute answers 429 with
 * {@code Retry-After} until the minute is over;</li>
 * <li>HTTP basic authentication against the {@link PasswordFile} (401 with a challenge);</li>
 * <li>a request from a web page of another origin ({@code Origin} not this server) answers 403, and only
 * {@code application/sparql-update} bodies are accepted (415 for a form): a cross-site form cannot update;</li>
 * <li>the update is parsed (400) and refused with 403 if it holds {@code LOAD} (unless the operator allowed it with
 * {@code --allow-load}) or a SERVICE the {@link ServicePolicy} refuses.</li>
 * </ol>
 */
public final class UpdateGuardFilter implements Filter {
    static final int MAX_FAILURES = 5;
    private static final long WINDOW_MILLIS = 60_000;

    private record Failures(long since, int count) {}

    private final PasswordFile passwords;
    private final boolean allowLoad;
    private final ServicePolicy services;
    private final long maxSize;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public UpdateGuardFilter(PasswordFile passwords, boolean allowLoad, ServicePolicy services, long maxSize) {
        this.passwords = passwords;
        this.allowLoad = allowLoad;
        this.services = services;
        this.maxSize = maxSize;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if ("OPTIONS".equalsIgnoreCase(req.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String client = req.getRemoteAddr();
        long now = System.currentTimeMillis();
        Failures f = failures.get(client);
        if (f != null && now - f.since() > WINDOW_MILLIS) {
            failures.remove(client, f);
            f = null;
        }
        if (f != null && f.count() >= MAX_FAILURES) {
            res.setHeader("Retry-After", Long.toString(Math.max(1, (f.since() + WINDOW_MILLIS - now) / 1000)));
            send(res, 429, "too many failed logins from " + client + ": try again later");
            return;
        }
        String user = authenticated(req);
        if (user == null) {
            failures.merge(client, new Failures(now, 1), (a, b) -> new Failures(a.since(), a.count() + 1));
            res.setHeader("WWW-Authenticate", "Basic realm=\"vlm-survey\", charset=\"UTF-8\"");
            send(res, 401, "update needs the user name and password of the password file");
            return;
        }
        if (!"POST".equalsIgnoreCase(req.getMethod())) {
            res.setHeader("Allow", "POST, OPTIONS");
            send(res, 405, "update takes POST");
            return;
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, req)) {
            send(res, 403, "update from a web page of another origin (" + origin + ") is refused");
            return;
        }
        String ct = req.getContentType();
        if (ct == null || !ct.toLowerCase(Locale.ROOT).strip().startsWith("application/sparql-update")) {
            send(
                    res,
                    415,
                    "update takes a body of type application/sparql-update (forms are refused: no cross-site form can update)");
            return;
        }
        byte[] body = QuerySizeFilter.read(req.getInputStream(), maxSize);
        if (body == null) {
            send(res, 413, "the update is larger than " + maxSize + " bytes (--max-query-size)");
            return;
        }
        UpdateRequest update;
        try {
            update = UpdateFactory.create(new String(body, StandardCharsets.UTF_8));
        } catch (QueryParseException e) {
            send(res, 400, "Parse error: " + e.getMessage());
            return;
        }
        for (Update u : update.getOperations()) {
            if (u instanceof UpdateLoad load && !allowLoad) {
                send(
                        res,
                        403,
                        "LOAD <" + load.getSource()
                                + "> refused: LOAD reads files and URLs, the operator can allow it with --allow-load");
                return;
            }
            if (u instanceof UpdateModify w && w.getWherePattern() != null) {
                String refusal = services.refusal(w.getWherePattern());
                if (refusal != null) {
                    send(res, 403, refusal);
                    return;
                }
            }
        }
        chain.doFilter(new QuerySizeFilter.Replayed(req, body), response);
    }

    private String authenticated(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int i = decoded.indexOf(':');
        if (i <= 0) return null;
        String user = decoded.substring(0, i);
        return passwords.verify(user, decoded.substring(i + 1)) ? user : null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest req) {
        try {
            URI o = new URI(origin);
            String host = req.getServerName();
            int port = req.getServerPort();
            int op = o.getPort() >= 0 ? o.getPort() : ("https".equalsIgnoreCase(o.getScheme()) ? 443 : 80);
            return host != null && host.equalsIgnoreCase(o.getHost()) && port == op;
        } catch (Exception e) {
            return false;
        }
    }

    private static void send(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain;charset=utf-8");
        res.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
