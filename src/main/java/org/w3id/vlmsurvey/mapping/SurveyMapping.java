package org.w3id.vlmsurvey.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.Severity;
import org.w3id.vlmsurvey.vocab.SRC;

/**
 * The survey-to-ontology mapping: the CONSTRUCT queries of {@code rules/mapping/} run in file-name order over
 * the source graph, the reference data and what earlier queries built; then the SELECT queries of
 * {@code rules/checks/} report what the mapping could not use. Triples in the {@code src:} namespace are
 * scaffolding shared between queries and do not reach the result.
 */
public final class SurveyMapping {

    static {
        MappingFunctions.register();
    }

    /**
     * Where a rule runs, declared by its file's first comment lines ({@code # scope: partition} or
     * {@code # scope: global}): a partition rule reads one table or entry list (with its headings) at a time;
     * a global rule reads the whole survey's summary.
     */
    public enum Scope {
        PARTITION,
        GLOBAL;

        private static final java.util.regex.Pattern DECLARATION =
                java.util.regex.Pattern.compile("(?m)^#\\s*scope:\\s*(\\S+)\\s*$");

        /** The scope a rule's text declares in its leading comment lines; a rule without one is an error. */
        public static Scope of(String name, String text) {
            StringBuilder header = new StringBuilder();
            for (String line : text.split("\\R")) {
                if (!line.startsWith("#")) break;
                header.append(line).append('\n');
            }
            java.util.regex.Matcher m = DECLARATION.matcher(header);
            if (!m.find())
                throw new IllegalStateException(name + ":1: no scope declaration: the first comment lines must say "
                        + "\"# scope: partition\" or \"# scope: global\"");
            return switch (m.group(1)) {
                case "partition" -> PARTITION;
                case "global" -> GLOBAL;
                default ->
                    throw new IllegalStateException(name + ":1: unknown scope \"" + m.group(1)
                            + "\": a rule's scope is \"partition\" or \"global\"");
            };
        }
    }

    /** A named, parsed query of the mapping or the checks, with the scope its file declares. */
    public record Step(String name, Query query, Scope scope) {
        /** The step's stable id: its file name without {@code .rq} ({@code venues}); a check's problems carry it. */
        public String id() {
            return name.endsWith(".rq") ? name.substring(0, name.length() - 3) : name;
        }
    }

    /**
     * What the mapping built and what the checks found. {@code working} is, for a whole-survey run, the source
     * graph with every fact the rules built; for a partitioned run, the summary: the heading tree, the tables,
     * rows and entries (without their cells, links and text) with the facts the rules built about them.
     */
    public record Output(Graph data, Graph working, List<Problem> problems) {}

    /**
     * A source read as partitions (see {@code MarkdownReader.read(text, name, partitions)}): sends the partitions,
     * one by one, to {@code partitions}, then returns the skeleton (the document and its sections).
     */
    public interface PartitionedSource {
        Graph read(java.util.function.Consumer<Graph> partitions);
    }

    /**
     * Partitions are mapped in batches of at least this many source triples ({@code -Dvlm.batchTriples=N},
     * default 20000; 1 maps every table and entry run on its own).
     */
    static int batchTriples() {
        return Integer.getInteger("vlm.batchTriples", 20_000);
    }

    private final List<Step> mapping;
    private final List<Step> checks;

    public SurveyMapping(List<Step> mapping, List<Step> checks) {
        this.mapping = List.copyOf(mapping);
        this.checks = List.copyOf(checks);
    }

    private static SurveyMapping bundled;

    /** The mapping and checks bundled with the program, parsed once. */
    public static synchronized SurveyMapping bundled() {
        if (bundled == null) bundled = new SurveyMapping(load("rules/mapping/"), load("rules/checks/"));
        return bundled;
    }

    private static List<Step> load(String folder) {
        List<Step> steps = new ArrayList<>();
        for (String name : Bundled.list(folder, ".rq")) {
            String text = Bundled.text(folder + name);
            try {
                steps.add(new Step(name, QueryFactory.create(text), Scope.of(folder + name, text)));
            } catch (QueryParseException e) {
                throw new IllegalStateException(
                        folder + name + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
            }
        }
        return steps;
    }

    public List<Step> mappingSteps() {
        return mapping;
    }

    public List<Step> checkSteps() {
        return checks;
    }

    /**
     * Maps a source graph. The source graph becomes the working graph: the reference data and what each query
     * builds are added to it (copying a source graph of millions of triples would double the loader's work).
     * @param source    the source graph from the Markdown reader, owned by the mapping from now on
     * @param reference curated data the mapping may consult (venues)
     * @param file      the source's name, for problems
     */
    public Output run(Graph source, Graph reference, String file) {
        Graph working = source;
        reference.find().forEachRemaining(working::add);
        Graph data = GraphFactory.createGraphMem();
        apply(working, step -> true, working::add, t -> {
            working.add(t);
            data.add(t);
        });
        return new Output(data, working, check(working, file, null));
    }

    /**
     * Runs, in file-name order, the rules {@code which} selects over {@code over}, each seeing what the ones before
     * it built: a built triple goes to {@code scaffolding} if it is in the {@code src:} namespace, else to
     * {@code output} (the caller makes either visible to the next rules). Each rule's answer is read whole before
     * it is added, since a CONSTRUCT cannot be added to the graph it is still reading.
     */
    private void apply(
            Graph over,
            java.util.function.Predicate<Step> which,
            java.util.function.Consumer<Triple> scaffolding,
            java.util.function.Consumer<Triple> output) {
        List<Triple> built = new ArrayList<>();
        for (Step step : mapping) {
            if (!which.test(step)) continue;
            built.clear();
            QueryExec.graph(over).query(step.query()).build().constructTriples().forEachRemaining(built::add);
            for (Triple t : built) (isScaffolding(t) ? scaffolding : output).accept(t);
        }
    }

    /** What one partition gave: its output triples, its summary triples and its problems. */
    private record PartitionResult(List<Triple> data, List<Triple> summary, List<Problem> problems) {}

    /**
     * Maps a source partition by partition, on {@code threads} threads, the way RMLStreamer or SPARQL Anything's
     * slicing mode do: each partition (a table, or a run of list items, with its heading chain) is a small
     * source graph of its own, with a copy of the reference data; the {@code # scope: partition} rules and
     * checks run on it, in file order; its output goes to the data graph and its summary (the heading tree, the
     * tables, rows and entries with the rules' facts about them, but no cells, links or text) to the summary
     * graph; the rest of it is dropped. Partitions are merged in the order the source gives them. Then the
     * {@code # scope: global} rules and checks run, in file order, over the summary (with the reference data)
     * and the data. A partition rule never reads what a global rule builds (every partition rule runs first).
     * Identity holds across partitions because every IRI is computed from what it names (the same arXiv id gives
     * the same paper IRI in any partition), so merging the partitions' output merges the resources.
     * At most {@code 2 * threads} partitions are in memory at once; one thread maps in the caller's thread.
     * Each triple of the data goes to {@code added} as soon as it is in the data graph, once: a batch's new triples when the batch is merged (in
     * source order), then the global rules' new triples. Which triples each call gets depends on the source only,
     * not on the number of threads, so a writer that follows the calls writes the same bytes on any number of
     * threads. Null: no one listens.
     */
    public Output runPartitioned(
            PartitionedSource source,
            Graph reference,
            String file,
            int threads,
            java.util.function.Consumer<List<Triple>> added) {
        return runPartitioned(source, reference, file, threads, added, null);
    }

    /**
     * As {@link #runPartitioned(PartitionedSource, Graph, String, int, java.util.function.Consumer)}, then
     * {@code validation} (null: none) over the finished data, beside the global checks (each check and the
     * validation is a task of its own on the build's threads): its problems come after the checks', as if it ran
     * after them.
     */
    public Output runPartitioned(
            PartitionedSource source,
            Graph reference,
            String file,
            int threads,
            java.util.function.Consumer<List<Triple>> added,
            java.util.function.Function<Graph, List<Problem>> validation) {
        Graph data = GraphFactory.createGraphMem();
        Graph summary = GraphFactory.createGraphMem();
        // the global rules read the reference data too (31-venues.rq: is a venue curated?), as in a whole run
        reference.find().forEachRemaining(summary::add);
        List<Problem> problems = new ArrayList<>();
        if (threads < 1) throw new IllegalArgumentException(threads + " threads: a build needs at least 1");
        // one thread maps in the caller's thread: a caller that runs builds side by side (history) adds no pool
        ExecutorService pool = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "vlm-mapping");
                    t.setDaemon(true);
                    return t;
                });
        try {
            java.util.ArrayDeque<Future<PartitionResult>> inFlight = new java.util.ArrayDeque<>();
            java.util.function.Consumer<PartitionResult> merge = pr -> {
                addAll(data, pr.data(), added);
                pr.summary().forEach(summary::add);
                problems.addAll(pr.problems());
            };
            int batchTriples = batchTriples();
            java.util.function.Consumer<Graph> submit = batch -> {
                if (pool == null) {
                    merge.accept(mapPartition(batch, reference, file));
                    return;
                }
                while (inFlight.size() >= 2 * threads) merge.accept(result(inFlight.poll()));
                inFlight.add(pool.submit(() -> mapPartition(batch, reference, file)));
            };
            Graph[] batch = {null};
            Graph skeleton = source.read(partition -> {
                // small partitions (a table of ten rows) are mapped together, so that the fixed cost of a
                // rule's run is paid once per batch, not once per table
                if (batch[0] == null) batch[0] = partition;
                else partition.find().forEachRemaining(batch[0]::add);
                if (batch[0].size() >= batchTriples) {
                    submit.accept(batch[0]);
                    batch[0] = null;
                }
            });
            skeleton.find().forEachRemaining(summary::add);
            if (batch[0] != null) submit.accept(batch[0]);
            while (!inFlight.isEmpty()) merge.accept(result(inFlight.poll()));
            Graph view = new SummaryAndData(summary, reference, data);
            // each global rule sees what the ones before it added to the data, so its triples go in at once
            List<Triple> global = new ArrayList<>();
            apply(view, step -> step.scope() == Scope.GLOBAL, summary::add, t -> {
                if (added != null && !data.contains(t)) global.add(t);
                data.add(t);
            });
            if (!global.isEmpty()) added.accept(global);
            // the data and the summary are final now: the global checks and the validation only read them
            List<java.util.concurrent.Callable<List<Problem>>> reads = new ArrayList<>();
            for (Step step : checks) if (step.scope() == Scope.GLOBAL) reads.add(() -> checkOne(view, file, step));
            if (validation != null) reads.add(() -> validation.apply(data));
            problems.addAll(all(pool, reads));
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return new Output(data, summary, problems);
    }

    /** The problems of every task, in the tasks' order: run on {@code pool}, or one by one in this thread (null). */
    private static List<Problem> all(ExecutorService pool, List<java.util.concurrent.Callable<List<Problem>>> tasks) {
        List<Problem> problems = new ArrayList<>();
        if (pool == null) {
            for (var task : tasks) {
                try {
                    problems.addAll(task.call());
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return problems;
        }
        List<Future<List<Problem>>> futures = new ArrayList<>();
        for (var task : tasks) futures.add(pool.submit(task));
        for (Future<List<Problem>> f : futures) problems.addAll(result(f));
        return problems;
    }

    /** Adds triples to a graph; hands those it did not hold yet, in their order, to {@code added} (if not null). */
    public static void addAll(Graph graph, List<Triple> triples, java.util.function.Consumer<List<Triple>> added) {
        if (added == null) {
            triples.forEach(graph::add);
            return;
        }
        List<Triple> fresh = new ArrayList<>();
        for (Triple t : triples) {
            if (graph.contains(t)) continue;
            graph.add(t);
            fresh.add(t);
        }
        if (!fresh.isEmpty()) added.accept(fresh);
    }

    private static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mapping interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private PartitionResult mapPartition(Graph working, Graph reference, String file) {
        reference.find().forEachRemaining(working::add);
        Graph out = GraphFactory.createGraphMem();
        apply(working, step -> step.scope() == Scope.PARTITION, working::add, t -> {
            working.add(t);
            out.add(t);
        });
        List<Problem> problems = check(working, file, Scope.PARTITION);
        List<Triple> summary = new ArrayList<>();
        working.find().forEachRemaining(t -> {
            if (inSummary(t)) summary.add(t);
        });
        List<Triple> data = new ArrayList<>(out.size());
        out.find().forEachRemaining(data::add);
        return new PartitionResult(data, summary, problems);
    }

    /**
     * Source nodes that live and die with their partition: cells ("R12-C3"), links ("-K1"), columns ("-H2"), whose
     * local name holds "-" then C, K or H then a digit. (Asked of every triple of every partition: no regex.)
     */
    static boolean partitionNode(Node n) {
        if (!n.isURI()) return false;
        String uri = n.getURI();
        if (!uri.startsWith(SRC.NODE)) return false;
        for (int i = SRC.NODE.length(); i + 2 < uri.length(); i++) {
            if (uri.charAt(i) != '-') continue;
            char kind = uri.charAt(i + 1), digit = uri.charAt(i + 2);
            if ((kind == 'C' || kind == 'K' || kind == 'H') && digit >= '0' && digit <= '9') return true;
        }
        return false;
    }

    /** Text kept only while its partition is mapped (the partition checks quote it). */
    private static final java.util.Set<Node> PARTITION_TEXT = java.util.Set.of(
            SRC.raw.asNode(), SRC.text.asNode(), SRC.inline.asNode(), SRC.cells.asNode(), SRC.columns.asNode());

    /**
     * Whether a triple of a partition's working graph goes to the summary: a fact about the document, a section,
     * a table, a row or an entry (from the source or built by a rule), except their text and their cells, links
     * and columns.
     */
    static boolean inSummary(Triple t) {
        Node s = t.getSubject();
        if (!s.isURI() || !s.getURI().startsWith(SRC.NODE) || partitionNode(s) || partitionNode(t.getObject()))
            return false;
        return !PARTITION_TEXT.contains(t.getPredicate());
    }

    /** Runs the checks of one scope (null: all) over a graph. */
    private List<Problem> check(Graph working, String file, Scope scope) {
        List<Problem> problems = new ArrayList<>();
        for (Step step : checks)
            if (scope == null || step.scope() == scope) problems.addAll(checkOne(working, file, step));
        return problems;
    }

    private static final Var LINE = Var.alloc("line"), SEVERITY = Var.alloc("severity"), MESSAGE = Var.alloc("message");

    /** Runs one check over a graph: a problem per answer, at its {@code ?line}, with its severity and message. */
    private static List<Problem> checkOne(Graph working, String file, Step step) {
        List<Problem> problems = new ArrayList<>();
        try (QueryExec qe = QueryExec.graph(working).query(step.query()).build()) {
            RowSet rows = qe.select();
            while (rows.hasNext()) {
                Binding b = rows.next();
                Node l = b.get(LINE), s = b.get(SEVERITY), m = b.get(MESSAGE);
                int n = l != null && l.isLiteral() ? Integer.parseInt(l.getLiteralLexicalForm()) : 0;
                String msg = m != null ? m.getLiteralLexicalForm() : step.name() + " found a problem";
                problems.add(new Problem(
                        file, n, Severity.parse(s == null ? null : s.getLiteralLexicalForm()), msg, step.id()));
            }
        }
        return problems;
    }

    static boolean isScaffolding(Triple t) {
        Node s = t.getSubject(), p = t.getPredicate();
        return p.getURI().startsWith(SRC.NS) || (s.isURI() && s.getURI().startsWith(SRC.NODE));
    }
}
