package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.locks.Lock;

/**
 * Holds the store's read access ({@link org.w3id.vlmsurvey.server.store.SurveyStore#readAccess}) for each request
 * that may read the dataset, so that the TDB2 compaction after a rebuild never switches storage under a running
 * query. The health check and static files do not read the dataset and never wait.
 */
public final class StoreAccessFilter implements Filter {
    private final Lock access;

    public StoreAccessFilter(Lock access) {
        this.access = access;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request instanceof HttpServletRequest http ? http.getRequestURI() : "";
        if (path.startsWith("/$/") || path.startsWith("/static/")) {
            chain.doFilter(request, response);
            return;
        }
        access.lock();
        try {
            chain.doFilter(request, response);
        } finally {
            access.unlock();
        }
    }
}
