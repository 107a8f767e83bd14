package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every path: {@code TRACE} (and {@code CONNECT}) answer 405; a directory of the static files ({@code /static/},
 * {@code /static/vendor/}) answers 404, never a listing or an empty 200.
 */
public final class HardeningFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse res) {
            String m = http.getMethod();
            if ("TRACE".equalsIgnoreCase(m) || "CONNECT".equalsIgnoreCase(m)) {
                res.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                res.sendError(405, m + " is not allowed");
                return;
            }
            String path = http.getRequestURI();
            if ((path.equals("/static") || path.startsWith("/static/")) && path.endsWith("/")
                    || path.equals("/static")) {
                res.sendError(404, "Not Found");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
