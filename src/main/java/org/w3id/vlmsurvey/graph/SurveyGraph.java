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
 * The one place that builds the survey graph: read the source once ({@link Source#read()}: a {@link Snapshot}),
 * map its Markdown to the ontology, check what the mapping could not use, validate the result against the shapes,
 * and add the links. Only this package uses {@code markdown} and {@code mapping} (pinned by LayeringTest).
 */
public final class SurveyGraph {

    /**
     * A built graph: the data (no ontology, with the links), every problem found (in file and line order), the
     * mapping's working graph (the source graph with the mapping's scaffolding), for accounting and debugging, and
     * the links added (from the snapshot, read-only; empty for none).
     */
    public record Result(String file, Graph data, List<Problem> problems, Graph working, Graph links) {
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
     * Where the survey comes from: a file ({@code path}), or the copy bundled in the program (no path); the links
     * to external graphs made by the {@code link} command ({@code links}, a Turtle file, or null for none); and the
     * papers' authors and abstracts fetched by {@code link --metadata} ({@code metadata}, a Turtle file, or null).
     * Nothing is read until {@link #read()}.
     */
    public record Source(String name, Path path, Path links, Path metadata) {
        /** The links file looked for by default: {@code links.ttl} next to the survey file, so {@code data/links.ttl}. */
        public static final String LINKS = "links.ttl";

        /** The metadata file looked for by default: {@code metadata.ttl} next to the survey file. */
        public static final String METADATA = "metadata.ttl";

        /** A source without metadata. */
        public Source(String name, Path path, Path links) {
            this(name, path, links, null);
        }

        public static Source bundled() {
            return new Source(Bundled.SURVEY, null, beside(null, LINKS), beside(null, METADATA));
        }

        public static Source file(Path p) {
            return new Source(p.toString(), p, beside(p, LINKS), beside(p, METADATA));
        }

        /** The given file, else {@code data/vlm-survey.md} in the working directory, else the bundled copy. */
        public static Source resolve(Path given) {
            if (given != null) return file(given);
            Path local = Path.of(Bundled.SURVEY);
            return Files.isRegularFile(local) ? file(local) : bundled();
        }

        /** This source with the given links file (null: without links). */
        public Source withLinks(Path file) {
            return new Source(name, path, file, metadata);
        }

        /** This source with the given metadata file (null: without metadata). */
        public Source withMetadata(Path file) {
            return new Source(name, path, links, file);
        }

        /**
         * This source with the links and metadata files beside its survey file as they are now ({@code serve --watch}
         * reloads this way: a links or metadata file created since is read, one deleted since is not); the bundled
         * survey as it is.
         */
        public Source besideNow() {
            return path == null ? this : new Source(name, path, beside(path, LINKS), beside(path, METADATA));
        }

        /**
         * The files a change of which changes this source ({@code serve --watch}): the survey file, then the links
         * and the metadata files beside it, whether they exist or not; none for the bundled survey.
         */
        public List<Path> watched() {
            return path == null ? List.of() : List.of(path, besidePath(path, LINKS), besidePath(path, METADATA));
        }

        /** The file {@code name} in the directory of the survey file (for the bundled survey: {@code data/}), when it exists. */
        static Path beside(Path survey, String name) {
            Path file = besidePath(survey, name);
            return Files.isRegularFile(file) ? file : null;
        }

        /** The file {@code name} in the directory of the survey file (for the bundled survey: {@code data/}). */
        private static Path besidePath(Path survey, String name) {
            Path dir = survey == null
                    ? Path.of(Bundled.SURVEY).getParent()
                    : survey.toAbsolutePath().getParent();
            return dir == null ? Path.of(name) : dir.resolve(name);
        }

        /**
         * Reads the source once: the survey's bytes (the bundled copy's, or the file's), the links and the metadata
         * files (parsed here, once, into one graph of added triples). A source that cannot be read, or links or
         * metadata that are not valid Turtle, throw {@link SourceException}.
         */
        public Snapshot read() {
            byte[] bytes = path == null ? Bundled.bytes(Bundled.SURVEY) : bytes(path, name);
            if (links == null && metadata == null) return Snapshot.of(name, bytes);
            byte[] linkBytes = links == null ? null : bytes(links, links.toString());
            byte[] metadataBytes = metadata == null ? null : bytes(metadata, metadata.toString());
            Graph added = GraphFactory.createGraphMem();
            if (linkBytes != null)
                parseLinks(linkBytes, links.toString()).find().forEachRemaining(added::add);
            if (metadataBytes != null)
                parseLinks(metadataBytes, metadata.toString()).find().forEachRemaining(added::add);
            return new Snapshot(name, bytes, sha256(bytes, linkBytes, metadataBytes), added);
        }

        private static byte[] bytes(Path file, String name) {
            if (!Files.exists(file)) throw new SourceException(Problem.error(name, 0, "no such file"));
            try {
                return Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new SourceException(Problem.error(name, 0, "cannot read file: " + e.getMessage()));
            }
        }
    }

    /**
     * The survey as read, once, and never again: its name (for problems), its bytes, the SHA-256 of the bytes and
     * of the links ({@code digest}, what a stored build is labelled with), and the links, parsed (read-only; empty
     * for none). Everything a build or a store uses comes from here, so a file changed meanwhile cannot mix in.
     */
    public record Snapshot(String name, byte[] bytes, String digest, Graph links) {
        public Snapshot {
            bytes = bytes.clone();
            links = new org.apache.jena.sparql.graph.GraphReadOnly(links);
        }

        /** Markdown bytes held in memory (a version read from a git commit, say), without links. */
        public static Snapshot of(String name, byte[] bytes) {
            return new Snapshot(name, bytes, sha256(bytes, null), GraphFactory.createGraphMem());
        }

        /** A copy of the bytes (the snapshot never changes). */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The text, decoded strictly as UTF-8 (binary content is a {@link SourceException} naming its line). */
        String text() {
            return MarkdownReader.text(bytes, name);
        }
    }

    /** The digest of a snapshot: the bytes alone; with links, the bytes, {@code links.ttl} and the links' bytes. */
    static String sha256(byte[] bytes, byte[] links) {
        return sha256(bytes, links, null);
    }

    /** As {@link #sha256(byte[], byte[])}, then, with metadata, {@code metadata.ttl} and the metadata's bytes. */
    static String sha256(byte[] bytes, byte[] links, byte[] metadata) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(bytes);
        if (links != null) {
            md.update((byte) 0);
            md.update(Source.LINKS.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(links);
        }
        if (metadata != null) {
            md.update((byte) 0);
            md.update(Source.METADATA.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(metadata);
        }
        return java.util.HexFormat.of().formatHex(md.digest());
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

    /** A check the build runs: its rule id (the file's name without ".rq") and its file in {@code rules/checks/}. */
    public record CheckRule(String id, String file) {}

    /** The checks every build runs, in the order they run (for reports that list their rules). */
    public static List<CheckRule> checkRules() {
        return SurveyMapping.bundled().checkSteps().stream()
                .map(s -> new CheckRule(s.id(), s.name()))
                .toList();
    }

    /** Reads a source ({@link Source#read()}) and builds it on {@code threads} threads. */
    public static Result build(Source source, int threads) {
        return build(source.read(), threads, null);
    }

    /**
     * Builds the graph of a snapshot, partition by partition on {@code threads} threads (1: in this thread), handing
     * each triple of the data to {@code added} once, as soon as it is in the data: the triples of each batch of
     * partitions in source order, then those of the global rules, then the links. The calls are the same on any
     * number of threads (see {@link SurveyMapping#runPartitioned}); {@code export --stream} writes them as they
     * come. Null: no one listens. A source that cannot be read at all throws {@link SourceException}.
     */
    public static Result build(Snapshot snapshot, int threads, java.util.function.Consumer<List<Triple>> added) {
        String text = snapshot.text(), name = snapshot.name();
        return result(
                snapshot,
                SurveyMapping.bundled()
                        .runPartitioned(
                                partitions -> MarkdownReader.read(text, name, partitions),
                                venues(),
                                name,
                                threads,
                                added,
                                data -> ShapesValidator.validate(data, name)),
                added,
                false);
    }

    /**
     * Builds the graph of a snapshot the reference way: every rule over the whole source graph at once (one
     * thread, the whole source graph in memory). The partitioned build must give the same graph and problems.
     */
    public static Result buildWhole(Snapshot snapshot) {
        return result(
                snapshot,
                SurveyMapping.bundled()
                        .run(MarkdownReader.read(snapshot.text(), snapshot.name()), venues(), snapshot.name()),
                null,
                true);
    }

    /** The result of a mapping's output: validated against the shapes here unless the mapping did ({@code validate}). */
    private static Result result(
            Snapshot snapshot,
            SurveyMapping.Output out,
            java.util.function.Consumer<List<Triple>> added,
            boolean validate) {
        String name = snapshot.name();
        Graph data = out.data();
        if (!data.contains(Node.ANY, RDF.type.asNode(), VLM.Paper.asNode())
                && !data.contains(Node.ANY, RDF.type.asNode(), VLM.Dataset.asNode())) {
            // the checks may say why (a table without a title column, a line that links a paper): name the first
            Problem why = out.problems().stream().sorted().findFirst().orElse(null);
            throw new NoEntries(
                    Problem.error(
                            name,
                            why == null ? 0 : why.line(),
                            "no survey tables or entries found: expected a table with a title-like column (Title, Paper, Name,"
                                    + " Method, Model) or a first column \"Dataset\", or entries like"
                                    + " \"* [CVPR 2023] Title [[Paper](url)][[Code](url)]\""
                                    + (why == null
                                            ? ""
                                            : "; " + out.problems().size() + " problems say why, the first at line "
                                                    + why.line() + ": " + why.message())),
                    why != null);
        }
        List<Problem> problems = new ArrayList<>(out.problems());
        if (validate) problems.addAll(ShapesValidator.validate(data, name));
        if (!snapshot.links().isEmpty())
            SurveyMapping.addAll(data, snapshot.links().find().toList(), added);
        Collections.sort(problems);
        return new Result(name, data, List.copyOf(problems), out.working(), snapshot.links());
    }

    /**
     * A survey that maps to no paper and no dataset (headings only, or lists and tables of no known shape): its
     * {@link #explained()} tells whether the mapping's problems say why (a table of an unknown shape) or it simply
     * has no entry yet (the first commits of a survey).
     */
    public static final class NoEntries extends SourceException {
        private static final long serialVersionUID = 1L;

        NoEntries(Problem problem, boolean explained) {
            super(problem);
            this.explained = explained;
        }

        private final boolean explained;

        /** True when the mapping reported problems that say why nothing was found. */
        public boolean explained() {
            return explained;
        }
    }

    /** Parses a links file's bytes; a file that is not valid Turtle throws {@link SourceException} with its line. */
    static Graph parseLinks(byte[] bytes, String file) {
        Graph links = GraphFactory.createGraphMem();
        RDFParser.source(new java.io.ByteArrayInputStream(bytes))
                .lang(Lang.TURTLE)
                .errorHandler(strict(file))
                .parse(links);
        return links;
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

    /**
     * The survey's own BibTeX, from the Citation block of its README ({@link
     * org.w3id.vlmsurvey.markdown.CitationBlock}), or empty when the README has none.
     */
    public static java.util.Optional<String> citation(String markdown) {
        return org.w3id.vlmsurvey.markdown.CitationBlock.bibtex(markdown);
    }
}
