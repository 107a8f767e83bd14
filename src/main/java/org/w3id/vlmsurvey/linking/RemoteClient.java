package org.w3id.vlmsurvey.linking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.vlmsurvey.bundle.BuildVersion;

/**
 * The one HTTP client of {@code link}, for the SPARQL endpoints ({@link SparqlRemote}) and the web APIs of arXiv and
 * dblp ({@link #get}): politely and safely, with the project's {@link #USER_AGENT}, connect and read timeouts, a pause
 * before every request but the first ({@link Settings#delay}, the rate limit), a cap on the size of an answer read
 * here, and a bounded number of tries with exponential back-off when the remote is busy (429), failing (5xx), silent
 * or unreachable ({@link #ask}). A request that fails for good is a {@link Failure} whose message says why.
 */
public final class RemoteClient {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteClient.class);
    public static final String USER_AGENT =
            "vlm-survey-kg/" + BuildVersion.current().version()
                    + " (https://w3id.org/vlm-survey/; links the papers of a survey to Wikidata and dblp) Apache-Jena/"
                    + BuildVersion.current().jena();
    /** A base URL given by the user: http(s), with no white space, query or fragment. */
    private static final Pattern BASE_URL = Pattern.compile("https?://[^\\s?#]+");

    /**
     * How to ask: timeouts, tries, first back-off delay (doubled after each failed try), the pause before every request
     * but the first, and the largest answer read by {@link #get} (bytes; a larger one is an error).
     */
    public record Settings(
            Duration connectTimeout, Duration readTimeout, int tries, Duration backoff, Duration delay, long maxBytes) {
        public Settings {
            if (tries < 1) throw new IllegalArgumentException("tries must be at least 1");
            if (maxBytes < 1) throw new IllegalArgumentException("the response cap must be at least 1 byte");
            if (backoff.isNegative() || delay.isNegative())
                throw new IllegalArgumentException("back-off and delay must not be negative");
        }
    }

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

        /** "after 1 try", "after 3 tries". */
        public String afterTries() {
            return RemoteClient.afterTries(tries);
        }
    }

    /** Why one try gave no answer: the HTTP status (0: none), why, and whether trying again may help. */
    static final class Miss extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean again;

        private Miss(int status, String message, boolean again) {
            super(message, null, false, false);
            this.status = status;
            this.again = again;
        }

        /** An HTTP error answer: tried again when the remote is busy or failing ({@link #transientStatus}). */
        static Miss answered(int status, String message) {
            return new Miss(status, message, transientStatus(status));
        }

        /** No answer (a timeout, a connection failure): tried again. */
        static Miss silent(String message) {
            return new Miss(0, message, true);
        }

        /** An error that asking again would not mend. */
        static Miss fatal(int status, String message) {
            return new Miss(status, message, false);
        }
    }

    /** One try of a request: its answer, or a {@link Miss}. */
    @FunctionalInterface
    interface Attempt<T> {
        T once() throws Miss;
    }

    private final HttpClient http;
    private final Settings settings;
    private final Pause pause;
    private boolean asked;

    public RemoteClient(Settings settings, Pause pause) {
        this.settings = settings;
        this.pause = pause;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Settings settings() {
        return settings;
    }

    HttpClient http() {
        return http;
    }

    /** "after 1 try", "after 3 tries": how often a request was tried, as the reports say it. */
    static String afterTries(int tries) {
        return "after " + tries + (tries == 1 ? " try" : " tries");
    }

    /** Whether an HTTP error status is worth asking again: busy (429) or failing (5xx). */
    static boolean transientStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Whether {@code url} may be a base URL of a service: http(s), no white space, query or fragment. */
    public static boolean isBaseUrl(String url) {
        return url != null && BASE_URL.matcher(url).matches();
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

    /**
     * The answer of {@code attempt}, tried until it answers, its miss is not transient, or the tries are used up (then
     * a {@link Failure}); with the pause before every request but the first, and the back-off between tries.
     */
    <T> T ask(Object target, Attempt<T> attempt) throws Failure {
        long backoff = settings.backoff().toMillis();
        for (int n = 1; ; n++) {
            if (asked && !settings.delay().isZero())
                pause.millis(settings.delay().toMillis());
            asked = true;
            try {
                return attempt.once();
            } catch (Miss m) {
                if (!m.again || n >= settings.tries()) throw new Failure(m.status, m.getMessage(), n);
                LOG.info(
                        "{}: try {} of {} failed ({}), again in {} ms",
                        target,
                        n,
                        settings.tries(),
                        m.getMessage(),
                        backoff);
                pause.millis(backoff);
                backoff *= 2;
            }
        }
    }

    /** The body of a GET of {@code url}, or a {@link Failure} once the tries are used up or the error is not transient. */
    public byte[] get(URI url, String accept) throws Failure {
        return ask(url, () -> getOnce(url, accept));
    }

    private byte[] getOnce(URI url, String accept) throws Miss {
        int status = 0;
        try {
            HttpResponse<InputStream> r = http.send(
                    HttpRequest.newBuilder(url)
                            .GET()
                            .timeout(settings.readTimeout())
                            .header("User-Agent", USER_AGENT)
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = r.statusCode();
            byte[] body = read(r.body(), settings.maxBytes(), settings.readTimeout());
            if (status == 200) return body;
            throw Miss.answered(status, httpMessage(status, null, new String(body, StandardCharsets.UTF_8)));
        } catch (HttpTimeoutException | TimeoutException e) {
            throw Miss.silent(readTimeoutMessage());
        } catch (IOException e) {
            throw Miss.silent(describe(e));
        } catch (TooLarge e) {
            throw Miss.fatal(status, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Miss.fatal(0, "interrupted");
        }
    }

    /** An answer larger than the cap. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes (the response cap)", null, false, false);
        }
    }

    /** All of {@code in}, read within {@code timeout} and at most {@code maxBytes} long; closes it. */
    static byte[] read(InputStream in, long maxBytes, Duration timeout)
            throws IOException, TimeoutException, TooLarge, InterruptedException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] bytes;
        try {
            bytes = read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            in.close();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw new IOException(e.getCause());
        }
        if (bytes.length > maxBytes) throw new TooLarge(maxBytes);
        return bytes;
    }

    /** What a try that timed out reports. */
    String readTimeoutMessage() {
        return "no answer within " + settings.readTimeout().toMillis() + " ms (read timeout)";
    }

    /** "HTTP 503", then the reason phrase when it says more than the number, then the body (shortened) if any. */
    static String httpMessage(int status, String reason, String body) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (reason != null && !reason.isBlank() && !reason.strip().equals(String.valueOf(status)))
            sb.append(' ').append(reason.strip());
        if (body != null && !body.isBlank()) sb.append(": ").append(shorten(body));
        return sb.toString();
    }

    /** An exception as its class's simple name and its message (shortened). */
    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + shorten(t.getMessage()));
    }

    /** {@code s} on one line: stripped, every run of white space one space. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** {@code s} on one line ({@link #oneLine}), at most 300 characters and "...". */
    static String shorten(String s) {
        String one = oneLine(s);
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }
}
