package org.w3id.vlmsurvey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.ServerOptions;
import org.w3id.vlmsurvey.server.SurveyServer;
import org.w3id.vlmsurvey.server.web.Search;
import org.w3id.vlmsurvey.server.web.Table;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The search evaluation: the queries of {@value #FILE}, each with its expected hits written from the bundled survey
 * and graded (2: what the reader is looking for, 1: also right), run through the search page's own query
 * ({@link Search#hits}) on the bundled survey. Reports, per query and on average, recall@10 (the expected
 * hits among the first 10, out of the expected hits or 10 if there are more), MRR (one over the rank of the first hit of the best grade) and nDCG@10.
 * Deterministic: the same program and survey give the same figures. {@code SearchEvalTest} checks a floor.
 */
public final class SearchEval {
    public static final String FILE = "bench/search-eval/queries.tsv";
    public static final int CUTOFF = 10;

    /** One query: its text, what it tests, and its expected hits (resource local name to grade). */
    public record Case(int line, String query, String tests, Map<String, Integer> expected) {}

    /** The result of one query. */
    public record Score(Case c, double recall, double reciprocalRank, double ndcg, List<String> top) {}

    /** The results of all queries, with their means. */
    public record Report(List<Score> scores) {
        public double recall() {
            return scores.stream().mapToDouble(Score::recall).average().orElse(0);
        }

        public double mrr() {
            return scores.stream().mapToDouble(Score::reciprocalRank).average().orElse(0);
        }

        public double ndcg() {
            return scores.stream().mapToDouble(Score::ndcg).average().orElse(0);
        }

        /** The report as the Markdown section of bench/RESULTS.md. */
        public String markdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("## Search quality: ").append(scores.size()).append(" queries on the bundled survey\n\n");
            sb.append("`bench/search-eval/queries.tsv` (written from the survey; grade 2: what is looked for, 1: also "
                    + "right), run by `SearchEval` through the search page's query; recall@10, MRR of the first "
                    + "best-grade hit, nDCG@10. Deterministic. `SearchEvalTest` checks the floor.\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "| queries | recall@10 | MRR | nDCG@10 |\n|---:|---:|---:|---:|\n| %d | %.3f | %.3f | %.3f |\n\n",
                    scores.size(),
                    recall(),
                    mrr(),
                    ndcg()));
            sb.append("| query | tests | recall@10 | RR | nDCG@10 |\n|---|---|---:|---:|---:|\n");
            for (Score s : scores)
                sb.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %s | %.2f | %.2f | %.2f |\n",
                        s.c().query().replace("|", "\\|"),
                        s.c().tests(),
                        s.recall(),
                        s.reciprocalRank(),
                        s.ndcg()));
            return sb.toString();
        }
    }

    private SearchEval() {}

    /** The cases of the file: TAB-separated query, what it tests, and expected hits {@code grade:kind/local ...}. */
    public static List<Case> cases(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 3)
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": expected 3 TAB-separated fields, got " + f.length);
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (String hit : f[2].trim().split("\\s+")) {
                int colon = hit.indexOf(':');
                if (colon < 1 || !hit.substring(0, colon).matches("[12]"))
                    throw new IllegalArgumentException(
                            file + ":" + (i + 1) + ": an expected hit is GRADE:kind/local (grade 1 or 2): " + hit);
                expected.put(hit.substring(colon + 1), Integer.parseInt(hit.substring(0, colon)));
            }
            cases.add(new Case(i + 1, f[0], f[1], expected));
        }
        return cases;
    }

    /** Runs every case on {@code dataset}. */
    public static Report evaluate(DatasetGraph dataset, List<Case> cases) {
        List<Score> scores = new ArrayList<>();
        for (Case c : cases) {
            Table hits = Search.hits(dataset, c.query());
            List<String> ranked = new ArrayList<>();
            for (Map<String, Object> r : hits.rows()) {
                String iri = String.valueOf(r.get("resource"));
                ranked.add(iri.startsWith(VLM.RES) ? iri.substring(VLM.RES.length()) : iri);
            }
            List<String> top = ranked.subList(0, Math.min(CUTOFF, ranked.size()));
            long found = c.expected().keySet().stream().filter(top::contains).count();
            double recall = (double) found / Math.min(CUTOFF, c.expected().size());
            int best = c.expected().values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(1);
            double rr = 0;
            for (int i = 0; i < ranked.size(); i++)
                if (c.expected().getOrDefault(ranked.get(i), 0) == best) {
                    rr = 1.0 / (i + 1);
                    break;
                }
            double dcg = 0;
            for (int i = 0; i < top.size(); i++) dcg += gain(c.expected().getOrDefault(top.get(i), 0), i);
            List<Integer> ideal = c.expected().values().stream()
                    .sorted(java.util.Comparator.reverseOrder())
                    .toList();
            double idcg = 0;
            for (int i = 0; i < Math.min(CUTOFF, ideal.size()); i++) idcg += gain(ideal.get(i), i);
            scores.add(new Score(c, recall, rr, idcg == 0 ? 0 : dcg / idcg, top));
        }
        return new Report(scores);
    }

    private static double gain(int grade, int rank) {
        return (Math.pow(2, grade) - 1) / (Math.log(rank + 2) / Math.log(2));
    }

    /**
     * The bundled survey served on an ephemeral port, with a query timeout of a minute: the figures are about
     * quality, and a loaded machine must not turn a slow query into a missing answer.
     */
    public static SurveyServer bundledServer() {
        return SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.resolve(null))
                .port(0)
                .timeout(java.time.Duration.ofMinutes(1))
                .build());
    }

    /** Runs the evaluation on the bundled survey and prints the Markdown section (and, with -v, each query's top). */
    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("-v");
        try (SurveyServer s = bundledServer()) {
            Report r = evaluate(s.store().dataset(), cases(Path.of(FILE)));
            if (verbose)
                for (Score sc : r.scores())
                    System.out.println(
                            sc.c().query() + "\t" + sc.recall() + "\t" + sc.reciprocalRank() + "\t" + sc.top());
            System.out.print(r.markdown());
        }
    }
}
