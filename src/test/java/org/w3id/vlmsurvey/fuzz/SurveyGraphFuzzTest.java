package org.w3id.vlmsurvey.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.bench.SurveyGenerator;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Mutated survey READMEs (seeded: the same run every time) never make {@link SurveyGraph#build} fail with
 * anything but a {@link SourceException}, and nothing the reader saw is lost silently:
 * <ul>
 * <li>every row of a paper or dataset table and every paper entry (as the Markdown reader saw them, in the source
 *     graph) is the {@code vlm:sourceLine} of some resource, or a problem names its line;</li>
 * <li>every row of a table of unknown shape is reported, at its own line or at its table's line;</li>
 * <li>every problem names a line of the input (or 0, the whole file).</li>
 * </ul>
 * Inputs that broke these once are kept in {@code src/test/resources/fuzz/regressions/} and checked first.
 * {@code -Dfuzz.cases=N} and {@code -Dfuzz.seed=S} change the run; a failing input is written to
 * {@code target/fuzz-failures/}.
 */
@Tag("slow") // excluded by -Pfast
class SurveyGraphFuzzTest {
    static final int CASES = Integer.getInteger("fuzz.cases", 1500);
    static final long SEED = Long.getLong("fuzz.seed", 20230607L);
    static final Path REGRESSIONS = Path.of("src/test/resources/fuzz/regressions");

    @TempDir
    Path dir;

    @Test
    void regressionsStayFixed() throws IOException {
        if (!Files.isDirectory(REGRESSIONS)) return;
        List<Path> inputs;
        try (Stream<Path> s = Files.list(REGRESSIONS)) {
            inputs = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path input : inputs) {
            String failure = check(input, Files.readAllBytes(input));
            if (failure != null && failure != REJECTED) fail(input + ": " + failure);
        }
    }

    @Test
    void mutatedSurveysAreReadOrRejectedWithTheirLine() throws IOException {
        List<String> bases = List.of(
                Files.readString(Path.of("data/vlm-survey.md")),
                Files.readString(Path.of("src/test/resources/later-version/vlm-survey-later.md")),
                SurveyGenerator.text(150, SEED));
        // each case has its own seed, so that the cases can run in parallel and any one can be replayed alone
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger rejectedCount = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream.range(0, CASES).parallel().forEach(i -> {
            if (failures.size() >= 5) return;
            byte[] input = new Mutator(SEED * 1_000_003L + i).mutate(bases.get(i % bases.size()));
            Path file = dir.resolve("case-" + i + ".md");
            try {
                Files.write(file, input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String failure = check(file, input);
            if (failure == REJECTED) rejectedCount.incrementAndGet();
            else if (failure != null) failures.add(keep(i, input) + ": " + failure);
        });
        int rejected = rejectedCount.get();
        if (!failures.isEmpty())
            fail("seed " + SEED + ": " + failures.size() + " failing inputs:\n" + String.join("\n", failures));
        // the mutants must not all be rejected outright, or the accounting above is never exercised
        assertTrue(rejected < CASES / 2, rejected + " of " + CASES + " mutants rejected");
    }

    private static final String REJECTED = "rejected";

    /** null when the input passes, {@link #REJECTED} when it is rejected as a whole, else what went wrong. */
    static String check(Path file, byte[] input) {
        // lines as the reader numbers them: CommonMark ends a line at LF, CR LF or a lone CR
        int lines = 1;
        for (int i = 0; i < input.length; i++)
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n'))) lines++;
        SurveyGraph.Result r;
        try {
            r = SurveyGraph.build(SurveyGraph.Source.file(file), 2);
        } catch (SourceException e) {
            Problem p = e.problem();
            if (!p.file().equals(file.toString()) || p.line() < 0 || p.line() > lines)
                return "rejected with a problem that names no line of the input: " + p;
            return REJECTED;
        } catch (RuntimeException | StackOverflowError e) {
            return "uncaught " + e;
        }
        for (Problem p : r.problems())
            if (!p.file().equals(file.toString()) || p.line() < 0 || p.line() > lines)
                return "problem names no line of the input: " + p;

        Set<Integer> covered = new HashSet<>();
        r.data()
                .find(Node.ANY, VLM.sourceLine.asNode(), Node.ANY)
                .forEachRemaining(
                        t -> covered.add(Integer.parseInt(t.getObject().getLiteralLexicalForm())));
        r.problems().forEach(p -> covered.add(p.line()));
        Set<Integer> lost = new TreeSet<>();
        select(
                r,
                """
                SELECT ?line ?tableLine {
                  { ?x src:table ?t ; src:line ?line . ?t src:line ?tableLine }
                  UNION
                  { ?x src:kind "paper-entry" ; src:line ?line }
                }""",
                (line, tableLine) -> {
                    if (!covered.contains(line) && (tableLine == null || !covered.contains(tableLine))) lost.add(line);
                });
        // rows of recognised tables count on their own line only, as do entries
        select(
                r,
                """
                SELECT ?line ?none {
                  { ?x src:table/src:kind ?k ; src:line ?line } UNION { ?x src:kind "paper-entry" ; src:line ?line }
                }""",
                (line, none) -> {
                    if (!covered.contains(line)) lost.add(line);
                });
        return lost.isEmpty() ? null : "lines read but neither in the graph nor reported: " + lost;
    }

    interface Lines {
        void accept(Integer line, Integer tableLine);
    }

    static void select(SurveyGraph.Result r, String query, Lines out) {
        try (QueryExec qe = QueryExec.graph(r.working())
                .query("PREFIX src: <https://w3id.org/vlm-survey/source#>\n" + query)
                .build()) {
            qe.select().forEachRemaining(b -> {
                Node l = b.get("line"), t = b.get("tableLine");
                out.accept(
                        Integer.parseInt(l.getLiteralLexicalForm()),
                        t == null ? null : Integer.parseInt(t.getLiteralLexicalForm()));
            });
        }
    }

    private static String keep(int i, byte[] input) {
        return FuzzFailures.keep("seed-" + SEED + "-case-" + i + ".md", input);
    }

    @Test
    void theMutatorIsSeeded() {
        String base = new String(SurveyGenerator.text(50, 1).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(
                new String(new Mutator(5).mutate(base), StandardCharsets.UTF_8),
                new String(new Mutator(5).mutate(base), StandardCharsets.UTF_8));
    }
}
