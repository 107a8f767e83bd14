package org.w3id.vlmsurvey.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared remote client's rules, one table each: which answers are asked again, how a failed try is told, the
 * byte cap, the base URLs accepted, and the retry loop (tries, back-off, the pause between requests).
 */
class RemoteClientTest {
    @ParameterizedTest(name = "HTTP {0}: ask again {1}")
    @CsvSource({
        "400, false",
        "401, false",
        "403, false",
        "404, false",
        "408, false",
        "413, false",
        "429, true",
        "500, true",
        "502, true",
        "503, true",
        "504, true",
        "599, true"
    })
    void busyAndFailingAnswersAreAskedAgain(int status, boolean again) {
        assertEquals(again, RemoteClient.transientStatus(status));
        assertEquals(again, RemoteClient.Miss.answered(status, "x").again);
    }

    @ParameterizedTest(name = "{0}, {1}, {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "503 | NULL                | NULL                      | HTTP 503",
                "503 | Service Unavailable | Service Unavailable       | HTTP 503 Service Unavailable: Service Unavailable",
                "429 | 429                 | slow down                 | HTTP 429: slow down",
                "400 | ''                  | 'Parse error:\n  VALUES'  | HTTP 400: Parse error: VALUES",
                "500 | NULL                | '  '                      | HTTP 500",
            })
    void anErrorAnswerIsToldWithItsStatusReasonAndBody(int status, String reason, String body, String message) {
        assertEquals(
                message, RemoteClient.httpMessage(status, reason, body == null ? null : body.replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'CLIP'                                    | CLIP",
                "'  Learning\\n  Transferable\\tVisual '  | Learning Transferable Visual",
                "'a \\r\\n\\n b'                           | a b",
                "'   '                                     | ''",
            })
    void textIsFoldedOnOneLine(String text, String folded) {
        String raw = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
        assertEquals(folded, RemoteClient.oneLine(raw));
        assertEquals(folded, RemoteClient.shorten(raw));
    }

    @Test
    void aLongBodyIsShortenedToOneLine() {
        String body = "a\n\tb " + "x".repeat(400);
        String told = RemoteClient.httpMessage(502, null, body);
        assertEquals("HTTP 502: a b " + "x".repeat(296) + "...", told);
    }

    @ParameterizedTest(name = "{0} bytes, cap {1}: {2}")
    @CsvSource({"0, 10, ok", "9, 10, ok", "10, 10, ok", "11, 10, too large", "1, 1, ok", "2, 1, too large"})
    void theAnswerIsReadUpToItsCap(int size, long cap, String outcome) throws Exception {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        if (outcome.equals("ok"))
            assertArrayEquals(bytes, RemoteClient.read(new ByteArrayInputStream(bytes), cap, Duration.ofSeconds(10)));
        else
            assertEquals(
                    "the answer is larger than " + cap + " bytes (the response cap)",
                    assertThrows(
                                    RemoteClient.TooLarge.class,
                                    () -> RemoteClient.read(
                                            new ByteArrayInputStream(bytes), cap, Duration.ofSeconds(10)))
                            .getMessage());
    }

    @Test
    void anAnswerThatDoesNotEndIsATimeout() throws Exception {
        try (PipedOutputStream writer = new PipedOutputStream();
                PipedInputStream body = new PipedInputStream(writer)) {
            writer.write("<feed>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThrows(TimeoutException.class, () -> RemoteClient.read(body, 100, Duration.ofMillis(200)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "http://export.arxiv.org/api/query, true",
        "https://dblp.org/search/publ/api, true",
        "http://127.0.0.1:8080/api/query, true",
        "HTTP://example.org/, false",
        "file:///etc/passwd, false",
        "ftp://example.org/, false",
        "https://dblp.org/search?q=x, false",
        "https://dblp.org/search#top, false",
        "'https://dblp.org/a b', false",
        "https://, false",
        "dblp.org/search/publ/api, false",
        "'', false"
    })
    void aBaseUrlIsHttpWithoutQueryOrFragment(String url, boolean ok) {
        assertEquals(ok, RemoteClient.isBaseUrl(url));
    }

    @Test
    void parametersAreEncodedInOrder() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", "CLIP: a & b/c");
        p.put("format", "json");
        assertEquals(
                "https://dblp.org/search/publ/api?q=CLIP%3A+a+%26+b%2Fc&format=json",
                RemoteClient.url("https://dblp.org/search/publ/api", p).toString());
        assertEquals(
                "http://h/p?x=1&id_list=2103.00020%2C2102.05918",
                RemoteClient.url("http://h/p?x=1", Map.of("id_list", "2103.00020,2102.05918"))
                        .toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, after 1 try", "2, after 2 tries", "3, after 3 tries"})
    void triesAreCounted(int tries, String told) {
        assertEquals(told, new RemoteClient.Failure(0, "x", tries).afterTries());
    }

    /**
     * The retry loop, per script of tries: "ok" answers, "429"/"503"/"404" are HTTP error answers, "silent" no answer,
     * "fatal" an error for good. With 3 tries, a back-off of 100 ms (doubled) and a pause of 1000 ms between requests.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // script            | outcome              | tries | pauses
                "ok                  | ok                   | 1     | ''",
                "503 ok              | ok                   | 2     | 100 1000",
                "429 silent ok       | ok                   | 3     | 100 1000 200 1000",
                "503 503 503         | HTTP 503 failed      | 3     | 100 1000 200 1000",
                "silent silent silent| no answer failed     | 3     | 100 1000 200 1000",
                "404                 | HTTP 404 failed      | 1     | ''",
                "503 404             | HTTP 404 failed      | 2     | 100 1000",
                "fatal               | fatal failed         | 1     | ''",
            })
    void busyAnswersAreAskedAgainWithBackOff(String script, String outcome, int tries, String pauses) throws Exception {
        Deque<String> steps = new ArrayDeque<>(List.of(script.strip().split("\\s+")));
        Pauses paused = new Pauses();
        RemoteClient client = new RemoteClient(
                new RemoteClient.Settings(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        3,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        10),
                paused);
        int[] asked = {0};
        RemoteClient.Attempt<String> attempt = () -> {
            asked[0]++;
            String step = steps.poll();
            return switch (step) {
                case "ok" -> "ok";
                case "silent" -> throw RemoteClient.Miss.silent("no answer");
                case "fatal" -> throw RemoteClient.Miss.fatal(0, "fatal");
                default -> throw RemoteClient.Miss.answered(Integer.parseInt(step), "HTTP " + step);
            };
        };
        String got;
        try {
            got = client.ask("test", attempt);
        } catch (RemoteClient.Failure f) {
            got = f.getMessage() + " failed";
            assertEquals(tries, f.tries());
            assertEquals(
                    f.getMessage().startsWith("HTTP ")
                            ? Integer.parseInt(f.getMessage().substring(5))
                            : 0,
                    f.status());
        }
        assertEquals(outcome, got);
        assertEquals(tries, asked[0]);
        assertEquals(
                pauses.isBlank()
                        ? List.of()
                        : Arrays.stream(pauses.split(" ")).map(Long::valueOf).toList(),
                paused.asked,
                "the back-off after a failed try, the pause before every request but the first");
        // the next request of the same client waits the pause first
        paused.asked.clear();
        steps.add("ok");
        client.ask("test", attempt);
        assertEquals(List.of(1000L), paused.asked);
    }
}
