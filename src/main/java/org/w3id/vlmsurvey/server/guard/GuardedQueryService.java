package org.w3id.vlmsurvey.server.guard;

import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.vlmsurvey.query.QueryGuards;
import org.w3id.vlmsurvey.query.QueryPolicy;
import org.w3id.vlmsurvey.query.QueryRefused;
import org.w3id.vlmsurvey.query.ServicePolicy;
import org.w3id.vlmsurvey.server.web.Endpoints;

/**
 * Fuseki's SPARQL query service with this server's policies:
 * <ul>
 * <li>the {@link ServicePolicy} is checked on the parsed query before it runs: a SERVICE to an endpoint that is not
 * allowed, wherever it is in the query, answers 403 Forbidden with the reason (and again as each SERVICE runs);</li>
 * <li>the query is parsed in SPARQL 1.1 (ARQ's syntax only with {@code --arq-syntax}) and checked by the
 * {@link QueryPolicy} (no counted paths, no property function but text:query, bounded text search, nesting): a
 * refusal answers 400;</li>
 * <li>the query runs with the {@link QueryGuards} (regex deadline, bounded strings): a limit answers 400;</li>
 * <li>a CONSTRUCT or DESCRIBE answer, which is built in memory before it is written, may hold at most
 * {@code maxResultTriples} triples: one more ends the query with 400 (Fuseki would build it until the heap is
 * full);</li>
 * <li>a failure while the results are written is recorded for the {@link ResultBufferFilter} (Fuseki itself would
 * end the body with a comment and a 200), and answered with its status while nothing was sent.</li>
 * </ul>
 */
public final class GuardedQueryService extends SPARQL_QueryDataset {
    private final ServicePolicy services;
    private final QueryPolicy policy;
    private final long maxResultTriples;

    public GuardedQueryService(ServicePolicy services, QueryPolicy policy, long maxResultTriples) {
        this.services = services;
        this.policy = policy;
        this.maxResultTriples = maxResultTriples;
    }

    /**
     * Fuseki parses in ARQ's extended syntax: the query is first parsed here in the policy's syntax (SPARQL 1.1
     * unless the operator allows ARQ's) and checked by the {@link QueryPolicy}; a query that fails either answers
     * 400 with the parser's (or the policy's) one message, without the query echoed.
     */
    @Override
    protected void execute(String queryString, HttpAction action) {
        if (!queryString.isBlank()) {
            try {
                policy.parse(queryString);
            } catch (org.apache.jena.query.QueryParseException e) {
                ServletOps.errorBadRequest("Parse error: " + e.getMessage());
            } catch (QueryRefused e) {
                ServletOps.errorBadRequest(e.getMessage());
            }
        }
        super.execute(queryString, action);
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        try {
            services.check(query);
        } catch (ServicePolicy.Refused e) {
            ServletOps.errorForbidden(e.getMessage());
        }
        try {
            QueryGuards.apply(query); // checks what ARQ checks when it prepares REGEX (constant flags): 400 here
        } catch (org.apache.jena.query.QueryParseException e) {
            ServletOps.errorBadRequest(e.getMessage());
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        return super.createQueryExec(action, QueryGuards.apply(query), dataset);
    }

    @Override
    protected QueryExecResult executeQuery(
            HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        QueryExecResult r;
        try {
            if (requestQuery.isConstructType())
                return new QueryExecResult(queryExec.constructDataset(new BoundedDataset(maxResultTriples)));
            if (requestQuery.isDescribeType())
                return new QueryExecResult(queryExec.describe(new BoundedGraph(maxResultTriples)));
            r = super.executeQuery(action, queryExec, requestQuery, queryStringLog);
        } catch (RuntimeException e) {
            throw answer(e);
        }
        return r.isRowSet() ? new QueryExecResult(new Recording(r.rowSet(), action)) : r;
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
        try {
            super.sendResults(action, result, qPrologue);
        } catch (QueryGuards.LimitExceeded | QueryRefused | ServicePolicy.Refused e) {
            // a limit met while the rows are written (a sort or group evaluated on the first row): its status, not 500
            throw answer(e);
        }
        Object failure = action.getRequest().getAttribute(ResultBufferFilter.FAILURE);
        if (failure instanceof RuntimeException e) throw answer(e);
    }

    /** A policy refusal as 403, a limit as 400; anything else as it is (a timeout is Fuseki's 503). */
    private static RuntimeException answer(RuntimeException e) {
        if (e instanceof ServicePolicy.Refused) ServletOps.errorForbidden(e.getMessage());
        if (e instanceof QueryGuards.LimitExceeded || e instanceof QueryRefused)
            ServletOps.errorBadRequest(e.getMessage());
        return e;
    }

    /** Passes the rows through, and records the exception that ends them early. */
    private static final class Recording implements RowSet {
        private final RowSet rows;
        private final HttpAction action;

        Recording(RowSet rows, HttpAction action) {
            this.rows = rows;
            this.action = action;
        }

        private RuntimeException record(RuntimeException e) {
            action.getRequest().setAttribute(ResultBufferFilter.FAILURE, e);
            return e;
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNext();
            } catch (RuntimeException e) {
                throw record(e);
            }
        }

        @Override
        public Binding next() {
            try {
                return rows.next();
            } catch (RuntimeException e) {
                throw record(e);
            }
        }

        @Override
        public List<Var> getResultVars() {
            return rows.getResultVars();
        }

        @Override
        public long getRowNumber() {
            return rows.getRowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    private static QueryGuards.LimitExceeded tooMany(long max) {
        return new QueryGuards.LimitExceeded("the answer has more than " + max
                + " triples (the server's --max-result-triples): narrow the query or add a LIMIT; the whole graph is at "
                + Endpoints.DATA);
    }

    /** An in-memory graph that refuses its {@code max + 1}-th triple. */
    static final class BoundedGraph extends org.apache.jena.sparql.graph.GraphWrapper {
        private final long max;

        BoundedGraph(long max) {
            super(org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
            this.max = max;
        }

        @Override
        public void add(org.apache.jena.graph.Triple t) {
            if (get().size() >= max && !get().contains(t)) throw tooMany(max);
            get().add(t);
        }
    }

    /** An in-memory dataset that refuses its {@code max + 1}-th distinct quad. */
    static final class BoundedDataset extends org.apache.jena.sparql.core.DatasetGraphWrapper {
        private final long max;
        private long added;

        BoundedDataset(long max) {
            super(org.apache.jena.sparql.core.DatasetGraphFactory.create());
            this.max = max;
        }

        @Override
        public void add(org.apache.jena.sparql.core.Quad q) {
            add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        @Override
        public void add(
                org.apache.jena.graph.Node g,
                org.apache.jena.graph.Node s,
                org.apache.jena.graph.Node p,
                org.apache.jena.graph.Node o) {
            if (contains(g, s, p, o)) return; // the same triple twice is one triple of the answer
            if (++added > max) throw tooMany(max);
            super.add(g, s, p, o);
        }
    }
}
