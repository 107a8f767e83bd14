package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes a plain {@code GET /survey/data} read the default graph (the survey), as if {@code ?default} was given,
 * so that it negotiates the triple syntaxes (Turtle, JSON-LD, N-Triples, RDF/XML). Fuseki otherwise answers a
 * parameterless Graph Store GET with the whole dataset as quads.
 */
public final class DefaultGraphFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http
                && ("GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod()))
                && http.getParameter("default") == null
                && http.getParameter("graph") == null) request = new WithDefault(http);
        chain.doFilter(request, response);
    }

    private static final class WithDefault extends HttpServletRequestWrapper {
        private final Map<String, String[]> params;

        WithDefault(HttpServletRequest request) {
            super(request);
            Map<String, String[]> p = new LinkedHashMap<>(request.getParameterMap());
            p.put("default", new String[] {""});
            params = Collections.unmodifiableMap(p);
        }

        @Override
        public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return params;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return params.get(name);
        }

        @Override
        public String getQueryString() {
            String q = super.getQueryString();
            return q == null || q.isEmpty() ? "default" : q + "&default";
        }
    }
}
