package org.w3id.vlmsurvey.linking;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a web API (arXiv's, dblp's) a GET, politely and safely: the project's User-Agent ({@link SparqlRemote#USER_AGENT}),
 * a pause before every request but the first ({@code delay}, the rate limit), connect and read timeouts, a cap on the
 * size of an answer, and a bounded number of tries with exponential back-off when the remote is busy (429), failing
 * (5xx), silent or unreachable. The URL is the base given by the user (never by the data) and parameters, each
 * URL-encoded here.
 */
public final class WebRemote {
    private static final Logger LOG = LoggerFactory.getLogger(WebRemote.class);

    /** How long to wait: the pause {@link Settings#delay} and the back-off between tries go through here. */
    @FunctionalInterface
    public interface Pause {
        void millis(long ms);

        Pause SLEEP = ms -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        };
    }

    /**
     * How to ask: timeouts, tries, first back-off delay (doubled after each failed try), the pause before every request
     * but the first, and the largest answer read (bytes; a larger one is an error).
     */
    public record Settings(
            Duration connectTimeout, Duration readTimeout, int tries, Duration backoff, Duration delay, long maxBytes) {
        public static final long MAX_BYTES = 20L * 1024 * 1024;

        public Settings {
            if (tries < 1) throw new IllegalArgumentException("tries must be at least 1");
            if (maxBytes < 1) throw new IllegalArgumentException("the response cap must be at least 1 byte");
            if (backoff.isNegative() || delay.isNegative())
                throw new IllegalArgumentException("back-off and delay must not be negative");
        }
    }

    /** A request that failed for good: the HTTP status (0 when there was no answer), why, and how often it was tried. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status, tries;

        Failure(int status, String message, int tries) {
            super(message);
            this.status = status;
            this.tries = tries;
        }

        public int status() {
            return status;
        }

        public int tries() {
            return tries;
        }
    }

    private final HttpClient client;
    private final Settings settings;
    private final Pause pause;
    private boolean asked;

    public WebRemote(Settings settings, Pause pause) {
        this.settings = settings;
        this.pause = pause;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The URL of {@code base} with the parameters, names and values URL-encoded, in the order given. */
    static URI url(String base, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The body of a GET of {@code url}, or a {@link Failure} once the tries are used up or the error is not transient. */
    public byte[] get(URI url, String accept) throws Failure {
        long backoff = settings.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            if (asked && !settings.delay().isZero())
                pause.millis(settings.delay().toMillis());
            asked = true;
            int status = 0;
            String message;
            try {
                HttpResponse<InputStream> r = client.send(
                        HttpRequest.newBuilder(url)
                                .GET()
                                .timeout(settings.readTimeout())
                                .header("User-Agent", SparqlRemote.USER_AGENT)
                                .header("Accept", accept)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                status = r.statusCode();
                byte[] body = body(r.body());
                if (status == 200) return body;
                message = "HTTP " + status
                        + (body.length == 0 ? "" : ": " + shorten(new String(body, StandardCharsets.UTF_8)));
            } catch (HttpTimeoutException | TimeoutException e) {
                message = "no answer within " + settings.readTimeout().toMillis() + " ms (read timeout)";
            } catch (IOException e) {
                message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage()));
            } catch (TooLarge e) {
                throw new Failure(status, e.getMessage(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(0, "interrupted", attempt);
            }
            boolean again = status == 0 || status == 429 || status >= 500;
            if (!again || attempt >= settings.tries()) throw new Failure(status, message, attempt);
            LOG.info("{}: try {} of {} failed ({}), again in {} ms", url, attempt, settings.tries(), message, backoff);
            pause.millis(backoff);
            backoff *= 2;
        }
    }

    /** An answer larger than the cap. */
    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** The body, read within the read timeout and at most {@code maxBytes} long. */
    private byte[] body(InputStream in) throws IOException, TimeoutException, TooLarge, InterruptedException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] bytes;
        try {
            bytes = read.get(settings.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            in.close();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            throw new IOException(e.getCause());
        }
        if (bytes.length > settings.maxBytes())
            throw new TooLarge("the answer is larger than " + settings.maxBytes() + " bytes (the response cap)");
        return bytes;
    }

    static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }
}
