package org.w3id.vlmsurvey.query;

import org.apache.jena.query.QueryException;

/** A query this server does not run: answered 400 with the message. */
public final class QueryRefused extends QueryException {
    private static final long serialVersionUID = 1L;

    public QueryRefused(String message) {
        super(message);
    }
}
