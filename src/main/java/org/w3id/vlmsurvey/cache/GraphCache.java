package org.w3id.vlmsurvey.cache;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built graphs kept on disk between runs: one file per key, holding the key itself, the payload's length and SHA-256,
 * and the payload (the dataset as RDF Thrift, quads and prefixes). A key names everything the graph depends on (the
 * source's content hash, the program's version and digest, limits): a changed input is a different key, so a stale
 * graph is never read. Files are written whole to a temporary file in the same folder and moved into place
 * atomically, so a reader sees a complete file or none, and two processes that build the same key at once both
 * leave a right file. A file that is truncated, corrupt or not a cache file is discarded with a warning and rebuilt.
 * <p>
 * The same format serves the graph prebuilt at build time and bundled in the jar ({@link #read(InputStream, String,
 * String)}); {@link #write(DatasetGraph, String, OutputStream, boolean)} with {@code sorted} writes it
 * deterministically (same graph, same bytes).
 */
public final class GraphCache {
    private static final Logger LOG = LoggerFactory.getLogger(GraphCache.class);

    /** The first line of every cache file; a new format changes it (older files are then foreign, and rebuilt). */
    static final String MAGIC = "vlm-survey-kg graph cache 1";

    /** The cache folder's name under {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
    public static final String FOLDER = "vlm-survey-kg";

    private static final int MAX_HEADER = 64 * 1024;

    private final Path dir;

    public GraphCache(Path dir) {
        this.dir = dir;
    }

    /** The folder of this cache. */
    public Path dir() {
        return dir;
    }

    /** {@code $XDG_CACHE_HOME/vlm-survey-kg}, else {@code ~/.cache/vlm-survey-kg}. */
    public static Path defaultDir() {
        return defaultDir(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path defaultDir(String xdgCacheHome, String home) {
        // the XDG base directory spec: a relative XDG_CACHE_HOME is invalid and ignored
        if (xdgCacheHome != null
                && !xdgCacheHome.isEmpty()
                && Path.of(xdgCacheHome).isAbsolute()) return Path.of(xdgCacheHome, FOLDER);
        return Path.of(home, ".cache", FOLDER);
    }

    /** The file of a key: its SHA-256, so any key makes a safe file name. */
    public Path file(String key) {
        return dir.resolve(sha256(key.getBytes(StandardCharsets.UTF_8)) + ".rt");
    }

    /**
     * The dataset cached under {@code key}, or {@code build}'s (then written to the cache) when there is none, or
     * the file is unusable (discarded with a warning). A cache that cannot be written is warned about and skipped:
     * the graph built is returned all the same.
     */
    public Lookup get(String key, Supplier<DatasetGraph> build) {
        Path file = file(key);
        String[] discarded = {null};
        DatasetGraph cached = readFile(file, key, discarded);
        if (cached != null) return new Lookup(cached, true, null);
        DatasetGraph built = build.get();
        if (built != null) put(key, built);
        return new Lookup(built, false, discarded[0]);
    }

    /**
     * What {@link #get} returned: the dataset, whether it came from the cache, and why a cache file was discarded
     * (the warning logged; null when none was).
     */
    public record Lookup(DatasetGraph dataset, boolean hit, String discarded) {}

    /** Reads the file of {@code key}; null when absent or unusable (discarded with a warning, put in {@code why[0]}). */
    DatasetGraph readFile(Path file, String key, String[] why) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            why[0] = "graph cache " + file + ": cannot read it (" + e.getMessage() + "); building the graph";
            LOG.warn("{}", why[0]);
            return null;
        }
        try {
            return read(new ByteArrayInputStream(bytes), key, file.toString());
        } catch (Unusable e) {
            why[0] = "graph cache " + file + ": " + e.getMessage() + "; discarded, building the graph again";
            LOG.warn("{}", why[0]);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // replaced by the next write
            }
            return null;
        }
    }

    /** Writes {@code dataset} under {@code key}: to a temporary file in the cache folder, then moved into place. */
    public void put(String key, DatasetGraph dataset) {
        Path file = file(key);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(dataset, key, out, false);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("graph cache {}: cannot write it ({}); serving without a cache", file, e.toString());
        } finally {
            if (tmp != null)
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless: never read
                }
        }
    }

    /** Why a cache file cannot be used. */
    public static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /**
     * Writes a cache file: the magic line, the key, the payload's length and SHA-256, then the payload (RDF Thrift).
     * With {@code sorted}, prefixes and quads are written in a fixed order, so that the bytes depend on the graph
     * alone (for the prebuilt graph of a reproducible jar); otherwise in the dataset's order (faster).
     */
    public static void write(DatasetGraph dataset, String key, OutputStream out, boolean sorted) throws IOException {
        if (key.indexOf('\n') >= 0) throw new IllegalArgumentException("a key is one line");
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
        StreamRDF stream = StreamRDFWriter.getWriterStream(payload, RDFFormat.RDF_THRIFT);
        stream.start();
        Map<String, String> prefixes =
                new java.util.TreeMap<>(dataset.prefixes().getMapping());
        prefixes.putAll(dataset.getDefaultGraph().getPrefixMapping().getNsPrefixMap());
        prefixes.forEach(stream::prefix);
        if (sorted) {
            List<Quad> quads = new ArrayList<>();
            dataset.find().forEachRemaining(quads::add);
            quads.sort(QUAD_ORDER);
            quads.forEach(stream::quad);
        } else {
            dataset.find().forEachRemaining(stream::quad);
        }
        stream.finish();
        byte[] body = payload.toByteArray();
        String header = MAGIC + "\n" + key + "\n" + body.length + "\n" + sha256(body) + "\n";
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write(body);
    }

    private static final Comparator<Node> NODE_ORDER = NodeCmp::compareRDFTerms;
    private static final Comparator<Quad> QUAD_ORDER = Comparator.comparing(Quad::getGraph, NODE_ORDER)
            .thenComparing(Quad::getSubject, NODE_ORDER)
            .thenComparing(Quad::getPredicate, NODE_ORDER)
            .thenComparing(Quad::getObject, NODE_ORDER);

    /**
     * Reads a cache file written for {@code key}: {@link Unusable} when it is not a cache file, was written for
     * another key, or its payload is truncated or corrupt ({@code name} names it in the message).
     */
    public static DatasetGraph read(InputStream in, String key, String name) {
        try (InputStream buffered = new BufferedInputStream(in)) {
            byte[] magic = (MAGIC + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] start = buffered.readNBytes(magic.length);
            if (!java.util.Arrays.equals(start, 0, start.length, magic, 0, start.length))
                throw new Unusable("not a graph cache file of this program");
            if (start.length < magic.length) throw new Unusable("truncated header");
            String stored = line(buffered);
            if (!key.equals(stored))
                throw new Unusable("written for another source or program (" + stored + ", expected " + key + ")");
            long length;
            try {
                length = Long.parseLong(line(buffered));
            } catch (NumberFormatException e) {
                throw new Unusable("bad header");
            }
            String digest = line(buffered);
            if (length < 0 || length > Integer.MAX_VALUE - 16) throw new Unusable("bad header");
            byte[] body = buffered.readNBytes((int) length);
            if (body.length < length) throw new Unusable("truncated (" + body.length + " of " + length + " bytes)");
            if (buffered.read() != -1) throw new Unusable("longer than its header says");
            if (!sha256(body).equals(digest)) throw new Unusable("corrupt (its SHA-256 does not match)");
            DatasetGraph dsg = DatasetGraphFactory.create();
            StreamRDF dest = StreamRDFLib.dataset(dsg);
            try {
                RDFParser.source(new ByteArrayInputStream(body))
                        .lang(Lang.RDFTHRIFT)
                        .parse(dest);
            } catch (RuntimeException e) {
                throw new Unusable("unreadable RDF Thrift (" + e.getMessage() + ")");
            }
            dsg.getDefaultGraph()
                    .getPrefixMapping()
                    .setNsPrefixes(dsg.prefixes().getMapping());
            return dsg;
        } catch (IOException e) {
            throw new Unusable("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** A header line (UTF-8, up to a newline); {@link Unusable} at the end of the file or past the header's bound. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        for (int n = 0; n < MAX_HEADER; n++) {
            int c = in.read();
            if (c == -1) throw new Unusable("truncated header");
            if (c == '\n') return b.toString(StandardCharsets.UTF_8);
            b.write(c);
        }
        throw new Unusable("not a graph cache file of this program");
    }

    /** The SHA-256 of bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
