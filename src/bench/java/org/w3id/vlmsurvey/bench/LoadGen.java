package org.w3id.vlmsurvey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop SPARQL load generator: C clients, each sending its next query as soon as the answer is read,
 * for a bounded time and a bounded number of requests ({@code -Dloadgen.max}, default 1,000,000), to a
 * loopback endpoint only.
 * <p>
 * Usage: {@code LoadGen [--mix] URL SECONDS WARMUP_SECONDS CLIENTS[,CLIENTS...] QUERY.rq...}. For each query
 * (or, with {@code --mix}, for all of them in turn within one run) and each number of clients, prints one
 * tab-separated line {@code query clients requests errors seconds throughput_per_s p50_ms p99_ms statuses}.
 * Latencies of the warm-up are not counted. An error is a failed connection or any status but 200.
 */
public final class LoadGen {

    private LoadGen() {}

    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        boolean mix = a.remove("--mix");
        if (a.size() < 5) {
            System.err.println("usage: LoadGen [--mix] URL SECONDS WARMUP_SECONDS CLIENTS[,CLIENTS...] QUERY.rq...");
            System.exit(2);
        }
        URI url = URI.create(a.get(0));
        if (!loopback(url)) {
            System.err.println("LoadGen: only loopback endpoints (127.0.0.1, localhost, ::1): " + url);
            System.exit(2);
        }
        double seconds = Double.parseDouble(a.get(1)), warmup = Double.parseDouble(a.get(2));
        long max = Long.getLong("loadgen.max", 1_000_000);
        List<Path> files = a.subList(4, a.size()).stream().map(Path::of).toList();
        List<List<Path>> runs =
                mix ? List.of(files) : files.stream().map(List::of).toList();
        for (List<Path> run : runs) {
            List<String> queries = new ArrayList<>();
            for (Path f : run) queries.add(Files.readString(f));
            String name = mix ? "mix" : run.get(0).getFileName().toString().replaceAll("\\.rq$", "");
            for (String c : a.get(3).split(",")) {
                Result r = run(url, queries, Integer.parseInt(c.strip()), seconds, max, warmup);
                System.out.println(name + "\t" + c.strip() + "\t" + r.line());
                System.out.flush();
            }
        }
    }

    /** What a run measured. */
    public record Result(
            long requests, long errors, double seconds, long[] latenciesNanos, Map<Integer, Long> statuses) {
        public double throughput() {
            return requests / seconds;
        }

        public double percentileMillis(double p) {
            if (latenciesNanos.length == 0) return Double.NaN;
            int i = (int) Math.ceil(p / 100 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(i, latenciesNanos.length - 1))] / 1e6;
        }

        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%d\t%d\t%.1f\t%.1f\t%.2f\t%.2f\t%s",
                    requests,
                    errors,
                    seconds,
                    throughput(),
                    percentileMillis(50),
                    percentileMillis(99),
                    statuses);
        }
    }

    static boolean loopback(URI url) {
        String h = url.getHost();
        return h != null && (h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1"));
    }

    public static Result run(URI url, List<String> queries, int clients, double seconds, long max, double warmup)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<HttpRequest> requests = new ArrayList<>();
        for (String query : queries)
            requests.add(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .build());
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        AtomicLong budget = new AtomicLong(max), errors = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < end && budget.getAndDecrement() > 0) {
                            long t0 = System.nanoTime();
                            int status;
                            try {
                                HttpRequest request = requests.get((int) (sent.getAndIncrement() % requests.size()));
                                HttpResponse<byte[]> resp = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                status = resp.statusCode();
                            } catch (IOException e) {
                                status = -1;
                            } catch (InterruptedException e) {
                                return;
                            }
                            long t1 = System.nanoTime();
                            if (t0 < measureFrom) continue;
                            statuses.merge(status, 1L, Long::sum);
                            if (status != 200) errors.incrementAndGet();
                            if (count[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                            mine[0][count[0]++] = t1 - t0;
                        }
                        synchronized (perClient) {
                            perClient.add(Arrays.copyOf(mine[0], count[0]));
                        }
                    },
                    "loadgen-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - Math.max(start, measureFrom)) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), elapsed, all, new TreeMap<>(statuses));
    }
}
