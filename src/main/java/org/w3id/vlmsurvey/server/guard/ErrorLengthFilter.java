package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Lets Fuseki's error messages with non-ASCII text through. Fuseki 5.6.0 ({@code ServletOps.writeMessagePlainText})
 * sets the Content-Length of an error message to its length in characters, then writes it in UTF-8: a query
 * whose parse error quotes an "é" or an emoji got "500 Insufficient content written" instead of its 400 (found by
 * {@code SparqlFuzzTest}). For error statuses this wrapper drops the Content-Length, so the message is sent whole.
 */
public final class ErrorLengthFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response instanceof HttpServletResponse http ? new Wrapper(http) : response);
    }

    private static final class Wrapper extends HttpServletResponseWrapper {
        Wrapper(HttpServletResponse response) {
            super(response);
        }

        private boolean error() {
            return getStatus() >= 400;
        }

        @Override
        public void setContentLength(int len) {
            if (!error()) super.setContentLength(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!error()) super.setContentLengthLong(len);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(error() && "Content-Length".equalsIgnoreCase(name))) super.setHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (!(error() && "Content-Length".equalsIgnoreCase(name))) super.setIntHeader(name, value);
        }
    }
}
