package org.w3id.vlmsurvey.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * Fuseki's SPARQL query service, with the {@link ServiceGuard} policy checked on the parsed query before it runs:
 * a {@code SERVICE} to an endpoint that is not allowed answers 403 Forbidden with the reason.
 */
public final class GuardedQueryService extends SPARQL_QueryDataset {
    private final ServiceGuard guard;

    GuardedQueryService(ServiceGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        Op op = Algebra.compile(query);
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                String refusal = guard.refusal(opService.getService());
                if (refusal != null) ServletOps.errorForbidden(refusal);
            }
        }, new ExprVisitorBase());
    }
}
