package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses a request whose query (URL query string, or request body: a form or {@code application/sparql-query})
 * is larger than the limit with 413 Content Too Large, before anything parses it: parsing is outside the query
 * timeout, and a 4 MB IRI takes seconds to parse. A body without a {@code Content-Length} (chunked) is read up to
 * the limit and then replayed to the service.
 */
public final class QuerySizeFilter implements Filter {
    private final long max;

    public QuerySizeFilter(long max) {
        this.max = max;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse res)) {
            chain.doFilter(request, response);
            return;
        }
        String qs = http.getQueryString();
        if (qs != null && qs.length() > max) {
            tooLarge(res, "the query string");
            return;
        }
        long length = http.getContentLengthLong();
        if (length > max) {
            tooLarge(res, "the request body");
            return;
        }
        if (length < 0 && "POST".equalsIgnoreCase(http.getMethod())) {
            byte[] body = read(http.getInputStream(), max);
            if (body == null) {
                tooLarge(res, "the request body");
                return;
            }
            request = new Replayed(http, body);
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse res, String what) throws IOException {
        res.setStatus(413);
        res.setContentType("text/plain;charset=utf-8");
        res.setHeader("Connection", "close");
        res.getOutputStream().write(tooLargeMessage(what, max).getBytes(StandardCharsets.UTF_8));
    }

    /** The one message of a 413: what was too large, and the limit with its option. */
    public static String tooLargeMessage(String what, long max) {
        return what + " is larger than " + max + " bytes, the limit of this server (--max-query-size)\n";
    }

    /** The bytes of a stream, or null if there are more than {@code max}. */
    static byte[] read(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        for (int n; (n = in.read(b)) >= 0; ) {
            out.write(b, 0, n);
            if (out.size() > max) return null;
        }
        return out.toByteArray();
    }

    /** A request whose body was already read: replayed as a stream, and as form parameters if it is a form. */
    static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> params;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            String ct = request.getContentType();
            boolean form = ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
            if (form) {
                Map<String, List<String>> p = new LinkedHashMap<>();
                parse(request.getQueryString(), p);
                parse(new String(body, StandardCharsets.UTF_8), p);
                Map<String, String[]> m = new LinkedHashMap<>();
                p.forEach((k, v) -> m.put(k, v.toArray(new String[0])));
                params = Collections.unmodifiableMap(m);
            } else {
                params = null;
            }
        }

        private static void parse(String s, Map<String, List<String>> into) {
            if (s == null || s.isEmpty()) return;
            for (String pair : s.split("&")) {
                if (pair.isEmpty()) continue;
                int i = pair.indexOf('=');
                String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
                String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
                into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(params == null ? body : new byte[0]);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener l) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            if (params == null) return super.getParameter(name);
            String[] v = params.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return params == null ? super.getParameterMap() : params;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return params == null ? super.getParameterNames() : Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return params == null ? super.getParameterValues(name) : params.get(name);
        }
    }
}
