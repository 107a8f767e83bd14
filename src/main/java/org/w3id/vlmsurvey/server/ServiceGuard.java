package org.w3id.vlmsurvey.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Federated query policy: {@code SERVICE} is refused unless its endpoint is on the operator's allow list.
 * An allow list entry is either a full endpoint URL prefix ({@code http://host:port/ds/sparql}) or a host name,
 * optionally with a port ({@code example.org}, {@code localhost:3031}).
 */
public final class ServiceGuard implements ChainingServiceExecutor {
    private final List<String> allowed;

    public ServiceGuard(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * Puts the policy into a query context: ARQ's own switch, and the guard in front of the SERVICE executors
     * (the second line of defence: {@link GuardedQueryService} refuses a query before it runs).
     */
    public void install(Context cxt) {
        cxt.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.standardRegistry().copy();
        registry.addSingleLink(this);
        ServiceExecutorRegistry.set(cxt, registry);
    }

    /** Why a SERVICE endpoint is refused, or null if it is allowed. */
    public String refusal(Node endpoint) {
        if (endpoint.isURI() && allows(endpoint.getURI())) return null;
        return "SERVICE " + (endpoint.isURI() ? "<" + endpoint.getURI() + ">" : endpoint.toString()) + " refused: federated query is "
                + (allowed.isEmpty() ? "disabled on this server (the operator can allow endpoints with --allow-service HOST)"
                        : "allowed only to " + String.join(", ", allowed)
                          + (endpoint.isURI() ? "" : " (and needs a fixed endpoint IRI, not a variable)"));
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        String refusal = refusal(opExecute.getService());
        if (refusal != null) throw new QueryExecException(refusal);
        return chain.createExecution(opExecute, original, binding, execCxt);
    }

    boolean allows(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) return false;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String hostPort = host + ":" + (uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80));
        for (String a : allowed) {
            String entry = a.toLowerCase(Locale.ROOT);
            if (entry.contains("://") ? endpoint.startsWith(a) : entry.equals(host) || entry.equals(hostPort))
                return true;
        }
        return false;
    }
}
