package org.w3id.vlmsurvey.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;
import org.w3id.vlmsurvey.mapping.SurveyMapping;
import org.w3id.vlmsurvey.markdown.MarkdownReader;
import org.w3id.vlmsurvey.validate.ShapesValidator;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The one place that builds the survey graph: read the Markdown source, map it to the ontology, check
 * what the mapping could not use, and validate the result against the shapes.
 */
public final class SurveyGraph {

    /**
     * A built graph: the data (no ontology), every problem found (in file and line order), and the mapping's
     * working graph (the source graph with the mapping's scaffolding), for accounting and debugging.
     */
    public record Result(String file, Graph data, List<Problem> problems, Graph working) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }
    }

    /**
     * Where the survey comes from: a file, or the copy bundled in the program; and the links to external
     * graphs made by the {@code link} command ({@code links}, a Turtle file, or null for none), added as they are.
     */
    public record Source(String name, Path path, Path links) {
        /** The links file looked for by default: {@code links.ttl} next to the survey file, so {@code data/links.ttl}. */
        public static final String LINKS = "links.ttl";

        public Source(String name, Path path) {
            this(name, path, defaultLinks(path));
        }

        public static Source bundled() {
            return new Source(Bundled.SURVEY, null);
        }

        public static Source file(Path p) {
            return new Source(p.toString(), p);
        }
        /** The given file, else {@code data/vlm-survey.md} in the working directory, else the bundled copy. */
        public static Source resolve(Path given) {
            if (given != null) return file(given);
            Path local = Path.of(Bundled.SURVEY);
            return Files.isRegularFile(local) ? file(local) : bundled();
        }
        /** This source with the given links file (null: without links). */
        public Source withLinks(Path file) {
            return new Source(name, path, file);
        }
        /** {@code links.ttl} next to the survey file (for the bundled survey: {@code data/links.ttl} in the working directory), when it exists. */
        static Path defaultLinks(Path survey) {
            Path dir = survey == null
                    ? Path.of(Bundled.SURVEY).getParent()
                    : survey.toAbsolutePath().getParent();
            Path links = dir == null ? Path.of(LINKS) : dir.resolve(LINKS);
            return Files.isRegularFile(links) ? links : null;
        }

        String text() {
            if (path == null) return new String(Bundled.bytes(Bundled.SURVEY), java.nio.charset.StandardCharsets.UTF_8);
            if (!Files.exists(path)) throw new SourceException(Problem.error(name, 0, "no such file"));
            return MarkdownReader.text(path, name);
        }

        Graph read() {
            return MarkdownReader.read(text(), name);
        }
        /** The source as partitions, for the partitioned mapping. */
        SurveyMapping.PartitionedSource partitioned() {
            return partitioned(text(), name);
        }
        /** Markdown text as partitions, for the partitioned mapping; {@code name} names it in problems. */
        static SurveyMapping.PartitionedSource partitioned(String text, String name) {
            return sink -> MarkdownReader.read(text, name, new MarkdownReader.Partitions() {
                @Override
                public void skeleton(Graph skeleton) {
                    sink.skeleton(skeleton);
                }

                @Override
                public void partition(Graph partition) {
                    sink.partition(partition);
                }
            });
        }
    }

    private SurveyGraph() {}

    /**
     * The lines of paper and dataset table rows and of paper and dataset entries that are neither the source line of a
     * resource in the graph nor named by a problem: the loader's promise is that this is always empty.
     * (Tables of unknown shape are reported once, at the table's line, with their row count.)
     */
    public static java.util.SortedSet<Integer> unaccounted(Result r) {
        java.util.SortedSet<Integer> lines = new java.util.TreeSet<>();
        String q =
                """
                PREFIX src: <https://w3id.org/vlm-survey/source#>
                SELECT ?line { { ?x src:table/src:kind ?k } UNION { ?x src:kind "paper-entry" } UNION { ?x src:kind "dataset-entry" } ?x src:line ?line }""";
        try (var qe = org.apache.jena.sparql.exec.QueryExec.graph(r.working())
                .query(q)
                .build()) {
            qe.select()
                    .forEachRemaining(
                            b -> lines.add(Integer.parseInt(b.get("line").getLiteralLexicalForm())));
        }
        r.data()
                .find(Node.ANY, VLM.sourceLine.asNode(), Node.ANY)
                .forEachRemaining(
                        t -> lines.remove(Integer.parseInt(t.getObject().getLiteralLexicalForm())));
        r.problems().forEach(p -> lines.remove(p.line()));
        return lines;
    }

    /**
     * Builds the graph of a source, partition by partition on {@link SurveyMapping#threads()} threads; a source
     * that cannot be read at all throws {@link SourceException}.
     */
    public static Result build(Source source) {
        return build(source, SurveyMapping.threads());
    }

    /** Builds the graph of a source, partition by partition on {@code threads} threads. */
    public static Result build(Source source, int threads) {
        return build(source, threads, null);
    }

    /**
     * Builds the graph of a source as {@link #build(Source, int)}, handing each triple of the data to {@code added}
     * once, as soon as it is in the data: the triples of each batch of partitions in source order, then those of
     * the global rules, then the links. The calls are the same on any number of threads (see
     * {@link SurveyMapping#runPartitioned(SurveyMapping.PartitionedSource, Graph, String, int,
     * java.util.function.Consumer)}); {@code export --stream} writes them as they come. Null: no one listens.
     */
    public static Result build(Source source, int threads, java.util.function.Consumer<List<Triple>> added) {
        return result(
                source.name(),
                SurveyMapping.bundled().runPartitioned(source.partitioned(), venues(), source.name(), threads, added),
                source.links(),
                added);
    }

    /**
     * Builds the graph of a source the reference way: every rule over the whole source graph at once (one
     * thread, the whole source graph in memory). The partitioned build must give the same graph and problems.
     */
    public static Result buildWhole(Source source) {
        return result(
                source.name(), SurveyMapping.bundled().run(source.read(), venues(), source.name()), source.links());
    }

    /**
     * Builds the graph of Markdown text held in memory (a version of the survey read from a git commit, say),
     * without links, partition by partition; {@code name} names it in problems. Throws {@link SourceException}
     * as {@link #build(Source)}.
     */
    public static Result build(String name, String markdown) {
        return result(
                name,
                SurveyMapping.bundled()
                        .runPartitioned(Source.partitioned(markdown, name), venues(), name, SurveyMapping.threads()),
                null);
    }

    private static Result result(String name, SurveyMapping.Output out, Path links) {
        return result(name, out, links, null);
    }

    private static Result result(
            String name, SurveyMapping.Output out, Path links, java.util.function.Consumer<List<Triple>> added) {
        Graph data = out.data();
        if (!data.contains(Node.ANY, RDF.type.asNode(), VLM.Paper.asNode())
                && !data.contains(Node.ANY, RDF.type.asNode(), VLM.Dataset.asNode())) {
            // the checks may say why (a table without a title column, a line that links a paper): name the first
            Problem why = out.problems().stream().sorted().findFirst().orElse(null);
            throw new SourceException(Problem.error(
                    name,
                    why == null ? 0 : why.line(),
                    "no survey tables or entries found: expected a table with a title-like column (Title, Paper, Name,"
                            + " Method, Model) or a first column \"Dataset\", or entries like"
                            + " \"* [CVPR 2023] Title [[Paper](url)][[Code](url)]\""
                            + (why == null
                                    ? ""
                                    : "; " + out.problems().size() + " problems say why, the first at line "
                                            + why.line() + ": " + why.message())));
        }
        List<Problem> problems = new ArrayList<>(out.problems());
        problems.addAll(ShapesValidator.validate(data, name));
        if (links != null) {
            Graph read = GraphFactory.createGraphMem();
            readLinks(links, read);
            SurveyMapping.addAll(data, read.find().toList(), added);
        }
        Collections.sort(problems);
        return new Result(name, data, List.copyOf(problems), out.working());
    }

    /** Adds the links file to the data; a file that is not valid Turtle throws {@link SourceException} with its line. */
    static void readLinks(Path file, Graph data) {
        if (!Files.isRegularFile(file)) throw new SourceException(Problem.error(file.toString(), 0, "no such file"));
        RDFParser.source(file)
                .lang(Lang.TURTLE)
                .errorHandler(strict(file.toString()))
                .parse(data);
    }

    /** A parser error handler for RDF files the program reads: any warning or error throws {@link SourceException} with its line. */
    public static ErrorHandler strict(String file) {
        return new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                error(message, line, col);
            }

            @Override
            public void error(String message, long line, long col) {
                fatal(message, line, col);
            }

            @Override
            public void fatal(String message, long line, long col) {
                throw new SourceException(Problem.error(
                        file, (int) Math.max(line, 0), message + (col > 0 ? " (column " + col + ")" : "")));
            }
        };
    }

    private static Graph venues;

    /** The curated venue descriptions ({@code data/venues.ttl}), read once; read-only. */
    public static synchronized Graph venues() {
        if (venues == null) venues = bundledTurtle(Bundled.VENUES);
        return venues;
    }

    private static Graph ontology;

    /** The ontology ({@code ontology/vlm-survey.ttl}), read once; read-only (copy it to change it). */
    public static synchronized Graph ontology() {
        if (ontology == null) ontology = bundledTurtle(Bundled.ONTOLOGY);
        return ontology;
    }

    static Graph bundledTurtle(String path) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(Bundled.open(path)).lang(Lang.TURTLE).parse(g);
        return new org.apache.jena.sparql.graph.GraphReadOnly(g);
    }
}
