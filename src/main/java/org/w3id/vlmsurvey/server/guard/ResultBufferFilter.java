package org.w3id.vlmsurvey.server.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A result never looks complete when it is not.
 * <p>
 * A query answer is held in memory up to {@code limit} bytes: if the query then fails (timeout, refused SERVICE,
 * a limit), nothing has been sent yet and the client gets the error status (503, 403, 400) instead of a 200 with
 * a cut body; a complete answer is sent with its {@code Content-Length}. A larger answer is streamed: if it fails
 * after that, the connection is aborted (no final chunk, no complete {@code Content-Length}), so curl exits
 * non-zero and an HTTP client throws, instead of Fuseki's 200 ending in an "Incomplete results" comment.
 * <p>
 * Fuseki catches a failure while it writes results; {@link GuardedQueryService} records it in the request attribute
 * {@link #FAILURE}, which this filter reads.
 */
public final class ResultBufferFilter implements Filter {
    /** Request attribute: the Throwable that ended the writing of a result. */
    public static final String FAILURE = ResultBufferFilter.class.getName() + ".failure";

    private final int limit;

    public ResultBufferFilter(int limit) {
        this.limit = limit;
    }

    /** Thrown out of the filter chain after the response was committed: Jetty then aborts the connection. */
    static final class Aborted extends IOException {
        private static final long serialVersionUID = 1L;

        Aborted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        Buffered w = new Buffered(http, limit);
        try {
            chain.doFilter(request, w);
        } catch (IOException | ServletException | RuntimeException e) {
            if (w.streaming) throw new Aborted("result aborted after " + w.written + " bytes", e);
            throw e;
        }
        Object failure = request.getAttribute(FAILURE);
        if (w.streaming && (failure != null || w.failedStatus != 0))
            throw new Aborted(
                    "result aborted after " + w.written + " bytes: " + failure,
                    failure instanceof Throwable t ? t : null);
        w.finish();
    }

    private static final class Buffered extends HttpServletResponseWrapper {
        private final int limit;
        private final HttpServletResponse http;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean streaming;
        int failedStatus;
        long written;
        private ServletOutputStream out;
        private PrintWriter writer;

        Buffered(HttpServletResponse http, int limit) {
            super(http);
            this.http = http;
            this.limit = limit;
        }

        private void write(byte[] b, int off, int len) throws IOException {
            if (failedStatus != 0 || (!streaming && buffer == null))
                return; // failed, or an error was sent: nothing more goes out
            written += len;
            if (!streaming) {
                if (buffer.size() + len <= limit) {
                    buffer.write(b, off, len);
                    return;
                }
                streaming = true;
                ServletOutputStream o = http.getOutputStream();
                buffer.writeTo(o);
                buffer = null;
                o.write(b, off, len);
                return;
            }
            http.getOutputStream().write(b, off, len);
        }

        void finish() throws IOException {
            if (writer != null) writer.flush();
            if (streaming || buffer == null) return;
            if (!http.isCommitted()) http.setContentLength(buffer.size());
            if (buffer.size() > 0) buffer.writeTo(http.getOutputStream());
            buffer = null;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (out == null)
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        Buffered.this.write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        Buffered.this.write(b, off, len);
                    }
                    // ServletOutputStream.print refuses characters outside ISO-8859-1; Jetty's own stream writes the
                    // response's encoding (Fuseki prints error messages that quote the query, emoji included)
                    @Override
                    public void print(String text) throws IOException {
                        String enc = getCharacterEncoding();
                        byte[] b = String.valueOf(text)
                                .getBytes(enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc));
                        Buffered.this.write(b, 0, b.length);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (streaming && failedStatus == 0)
                            http.getOutputStream().flush();
                    }

                    @Override
                    public void close() {}

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            return out;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String enc = getCharacterEncoding();
                Charset cs = enc == null ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
            }
            return writer;
        }

        @Override
        public boolean isCommitted() {
            return streaming || http.isCommitted();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) writer.flush();
            if (streaming) http.flushBuffer();
        }

        @Override
        public void setBufferSize(int size) {}

        @Override
        public void setContentLength(int len) {
            if (streaming) return;
        }

        @Override
        public void setContentLengthLong(long len) {
            if (streaming) return;
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Content-Length".equalsIgnoreCase(name) || streaming) return;
            super.setHeader(name, value);
        }

        @Override
        public void resetBuffer() {
            if (!streaming) buffer.reset();
        }

        @Override
        public void reset() {
            if (streaming) return;
            buffer.reset();
            super.reset();
        }

        @Override
        public void setStatus(int sc) {
            if (streaming) {
                if (sc >= 400) failedStatus = sc;
                return;
            }
            if (sc >= 400) buffer.reset(); // an error replaces whatever part of a result was written
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (streaming) {
                failedStatus = sc;
                return;
            }
            buffer = null;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }
    }
}
