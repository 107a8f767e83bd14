package org.w3id.vlmsurvey.query;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * The one federated-query policy, used by {@code serve} and by the in-process {@code query} command: a
 * {@code SERVICE} is refused unless its endpoint is on the operator's allow list.
 * <p>
 * An allow-list entry is a host ({@code example.org}), a host and port ({@code localhost:3031}) or an endpoint
 * URL ({@code https://example.org/sparql}). Matching is exact, never a string prefix: scheme, host and port are
 * compared as values (a missing port is the scheme's default), an entry's path matches the same path or a path
 * below it at a segment boundary ({@code /sparql} allows {@code /sparql} and {@code /sparql/x}, not
 * {@code /sparql2}); an endpoint with user info ({@code http://a@b/}), a fragment, or a scheme other than http(s)
 * is refused. The HTTP client used for an allowed SERVICE follows no redirect, so an allowed endpoint cannot send
 * the query on to a host that is not allowed.
 */
public final class ServicePolicy {

    /** A SERVICE the policy refused; servers answer it with 403, the {@code query} command with exit code 4. */
    public static final class Refused extends QueryDeniedException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** One parsed allow-list entry. */
    record Entry(String text, String scheme, String host, int port, String path) {
        boolean matches(URI uri) {
            String s = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme != null && !scheme.equals(s)) return false;
            if (!host.equals(uri.getHost().toLowerCase(Locale.ROOT))) return false;
            int p = ServicePolicy.port(s, uri.getPort());
            if (port >= 0 && port != p) return false;
            if (scheme != null && port < 0 && p != defaultPort(scheme)) return false;
            String up = normalisedPath(uri.getRawPath());
            if (up == null) return false;
            if (path == null || path.isEmpty() || path.equals("/")) return true;
            String np = normalisedPath(path);
            if (np == null) return false;
            String base = np.endsWith("/") ? np.substring(0, np.length() - 1) : np;
            return up.equals(base) || up.startsWith(base + "/");
        }
    }

    private final List<String> allowed;
    private final List<Entry> entries;

    /** @throws IllegalArgumentException naming an entry that is neither a host, host:port nor an http(s) URL */
    public ServicePolicy(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
        List<Entry> es = new ArrayList<>();
        for (String a : allowed) es.add(entry(a));
        this.entries = List.copyOf(es);
    }

    /** No SERVICE allowed at all. */
    public static ServicePolicy none() {
        return new ServicePolicy(List.of());
    }

    public List<String> allowed() {
        return allowed;
    }

    static Entry entry(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("--allow-service: empty entry");
        try {
            if (t.contains("://")) {
                URI u = new URI(t);
                String scheme = u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https"))
                    throw new IllegalArgumentException(
                            "--allow-service " + text + ": only http and https endpoints can be allowed");
                if (u.getRawUserInfo() != null
                        || u.getHost() == null
                        || u.getRawQuery() != null
                        || u.getRawFragment() != null)
                    throw new IllegalArgumentException("--allow-service " + text
                            + ": an endpoint URL is scheme://host[:port][/path], without user info, query or fragment");
                return new Entry(t, scheme, u.getHost().toLowerCase(Locale.ROOT), u.getPort(), u.getRawPath());
            }
            URI u = new URI("http://" + t);
            if (u.getHost() == null
                    || u.getRawUserInfo() != null
                    || (u.getRawPath() != null && !u.getRawPath().isEmpty())
                    || u.getRawQuery() != null)
                throw new IllegalArgumentException(
                        "--allow-service " + text + ": not a host, host:port or http(s) URL");
            return new Entry(t, null, u.getHost().toLowerCase(Locale.ROOT), u.getPort(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "--allow-service " + text + ": not a host, host:port or http(s) URL (" + e.getReason() + ")");
        }
    }

    /**
     * A path as the endpoint's server will see it: percent-encoded unreserved characters decoded ({@code %2e} is a
     * dot), then dot segments removed (RFC 3986 5.2.4), so {@code /sparql/%2e%2e/admin} is {@code /admin}. Null
     * when no server could agree on what it means: a dot segment above the root, or an encoded slash or backslash
     * ({@code %2f}, {@code %5c}), which some servers decode before routing.
     */
    static String normalisedPath(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') return null;
            if (c == '%') {
                int v;
                try {
                    v = i + 2 < raw.length() ? Integer.parseInt(raw.substring(i + 1, i + 3), 16) : -1;
                } catch (NumberFormatException e) {
                    return null;
                }
                if (v < 0) return null;
                if (v == '/' || v == '\\') return null;
                if (Character.isLetterOrDigit(v) && v < 128 || v == '-' || v == '.' || v == '_' || v == '~') {
                    sb.append((char) v);
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
        }
        String p = sb.toString();
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        String[] segments = p.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean lastSegment = i == segments.length - 1;
            if (seg.equals(".")) {
                if (lastSegment) out.addLast("");
            } else if (seg.equals("..")) {
                if (out.size() <= 1) return null; // above the root
                out.removeLast();
                if (lastSegment) out.addLast("");
            } else out.addLast(seg);
        }
        return String.join("/", out);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : defaultPort(scheme);
    }

    /** Whether SERVICE may call this endpoint IRI. */
    public boolean allows(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) return false;
        String s = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) return false;
        // java.net.URI takes "http://a:1@b/" as user info "a:1" and host "b"; "http://a:1@b:2/" likewise: refused
        // above.
        for (Entry e : entries) if (e.matches(uri)) return true;
        return false;
    }

    /** Why a SERVICE endpoint is refused, or null if it is allowed. */
    public String refusal(Node endpoint) {
        if (endpoint.isURI() && allows(endpoint.getURI())) return null;
        return "SERVICE " + (endpoint.isURI() ? "<" + endpoint.getURI() + ">" : endpoint.toString())
                + " refused: federated query is "
                + (allowed.isEmpty()
                        ? "disabled here (the operator can allow endpoints with --allow-service)"
                        : "allowed only to " + String.join(", ", allowed)
                                + (endpoint.isURI() ? "" : " (and needs a fixed endpoint IRI, not a variable)"));
    }

    /**
     * Refuses a query that names a SERVICE that is not allowed anywhere in it: in the pattern, in FILTER
     * [NOT] EXISTS, BIND, sub-queries, ORDER BY, GROUP BY, HAVING and aggregates, whether or not it would run.
     *
     * @throws Refused naming the first refused endpoint
     */
    public void check(Query query) {
        for (Node endpoint : services(Algebra.compile(query))) {
            String refusal = refusal(endpoint);
            if (refusal != null) throw new Refused(refusal);
        }
    }

    /** Why a graph pattern (the WHERE of an update) is refused, or null if every SERVICE in it is allowed. */
    public String refusal(org.apache.jena.sparql.syntax.Element pattern) {
        for (Node endpoint : services(Algebra.compile(pattern))) {
            String refusal = refusal(endpoint);
            if (refusal != null) return refusal;
        }
        return null;
    }

    /** Every SERVICE endpoint named in an algebra expression, also inside expressions (EXISTS) at any depth. */
    static Set<Node> services(Op op) {
        Set<Node> found = new LinkedHashSet<>();
        walk(op, found);
        return found;
    }

    private static void walk(Op op, Set<Node> found) {
        ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp funcOp) {
                if (funcOp.getGraphPattern() != null) walk(funcOp.getGraphPattern(), found);
            }

            @Override
            public void visit(ExprAggregator eAgg) {
                ExprList args = eAgg.getAggregator().getExprList();
                if (args != null) Walker.walk(args, this);
            }
        };
        Walker.walk(
                op,
                new OpVisitorBase() {
                    @Override
                    public void visit(OpService opService) {
                        found.add(opService.getService());
                    }

                    @Override
                    public void visit(OpFilter opFilter) {
                        Walker.walk(opFilter.getExprs(), exprs);
                    }

                    @Override
                    public void visit(OpLeftJoin opLeftJoin) {
                        if (opLeftJoin.getExprs() != null) Walker.walk(opLeftJoin.getExprs(), exprs);
                    }

                    @Override
                    public void visit(OpExtend opExtend) {
                        Walker.walk(opExtend.getVarExprList(), exprs);
                    }

                    @Override
                    public void visit(OpAssign opAssign) {
                        Walker.walk(opAssign.getVarExprList(), exprs);
                    }

                    @Override
                    public void visit(OpOrder opOrder) {
                        conditions(opOrder.getConditions(), exprs);
                    }

                    @Override
                    public void visit(OpTopN opTop) {
                        conditions(opTop.getConditions(), exprs);
                    }

                    @Override
                    public void visit(OpGroup opGroup) {
                        VarExprList keys = opGroup.getGroupVars();
                        if (keys != null) Walker.walk(keys, exprs);
                        for (ExprAggregator a : opGroup.getAggregators()) exprs.visit(a);
                    }
                },
                exprs);
    }

    private static void conditions(List<SortCondition> conditions, ExprVisitorBase exprs) {
        for (SortCondition c : conditions) Walker.walk(c.getExpression(), exprs);
    }

    /**
     * Puts the policy into a query context: ARQ's own switch, the check in front of the SERVICE executors (what
     * actually runs is checked again, endpoint by endpoint), and an HTTP client that follows no redirect.
     */
    public void install(Context cxt) {
        cxt.set(ARQ.httpServiceAllowed, !entries.isEmpty());
        cxt.set(Service.httpQueryClient, NO_REDIRECTS);
        ServiceExecutorRegistry registry =
                ServiceExecutorRegistry.standardRegistry().copy();
        registry.addSingleLink(new Guard());
        ServiceExecutorRegistry.set(cxt, registry);
    }

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final class Guard implements ChainingServiceExecutor {
        @Override
        public QueryIterator createExecution(
                OpService opExecute,
                OpService original,
                Binding binding,
                ExecutionContext execCxt,
                ServiceExecutor chain) {
            String refusal = refusal(opExecute.getService());
            if (refusal != null) throw new Refused(refusal);
            return chain.createExecution(opExecute, original, binding, execCxt);
        }
    }

    @Override
    public String toString() {
        return "ServicePolicy" + allowed;
    }
}
