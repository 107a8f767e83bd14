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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
 * <li>a client (remote address), or a user name, with {@value #MAX_FAILURES} failed logins in the last minute answers
 * 429 with {@code Retry-After} until the minute is over; the count is taken atomically before the password is
 * checked, so guesses sent at once are counted as they arrive, not after their checks;</li>
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
        String[] credentials = credentials(req);
        // one check reserved per address and per user before the (slow) password check: 60 guesses at once
        // get 5 checks, not as many as arrive before the first failure is counted
        List<String> keys = new ArrayList<>();
        keys.add("address " + client);
        if (credentials != null) keys.add("user " + credentials[0]);
        for (int i = 0; i < keys.size(); i++) {
            long wait = reserve(keys.get(i));
            if (wait > 0) {
                for (int j = 0; j < i; j++) refund(keys.get(j));
                res.setHeader("Retry-After", Long.toString(Math.max(1, wait / 1000)));
                send(
                        res,
                        429,
                        "too many failed logins " + (i == 0 ? "from " + client : "for this user")
                                + ": try again later");
                return;
            }
        }
        boolean ok = credentials != null && passwords.verify(credentials[0], credentials[1]);
        if (!ok) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"vlm-survey\", charset=\"UTF-8\"");
            send(res, 401, "update needs the user name and password of the password file");
            return;
        }
        for (String k : keys) refund(k);
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

    /**
     * Takes one login check for {@code key} (an address or a user) in the current minute: 0 if taken, else the
     * milliseconds until the minute is over. A check counts as failed until {@link #refund} (a right password).
     */
    long reserve(String key) {
        long now = System.currentTimeMillis();
        if (failures.size() > 10_000) failures.values().removeIf(f -> now - f.since() > WINDOW_MILLIS);
        long[] wait = {0};
        failures.compute(key, (k, f) -> {
            if (f == null || now - f.since() > WINDOW_MILLIS) f = new Failures(now, 0);
            if (f.count() >= MAX_FAILURES) {
                wait[0] = Math.max(1, f.since() + WINDOW_MILLIS - now);
                return f;
            }
            return new Failures(f.since(), f.count() + 1);
        });
        return wait[0];
    }

    void refund(String key) {
        failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.since(), f.count() - 1));
    }

    /** The user name and password of a basic Authorization header, or null. */
    private static String[] credentials(HttpServletRequest req) {
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
        return new String[] {decoded.substring(0, i), decoded.substring(i + 1)};
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
