package org.w3id.vlmsurvey.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project files bundled on the classpath under {@code vlm-survey/} (the ontology, the mapping and check
 * queries, the curated data and the survey itself), read the same way from {@code target/classes} and from the
 * shaded jar.
 */
public final class Bundled {
    public static final String ROOT = "vlm-survey/";
    public static final String ONTOLOGY = "ontology/vlm-survey.ttl";
    public static final String SHAPES = "ontology/vlm-survey-shapes.ttl";
    public static final String SOURCE_VOCAB = "ontology/source.ttl";
    public static final String VENUES = "data/venues.ttl";
    public static final String SURVEY = "data/vlm-survey.md";

    private Bundled() {}

    public static boolean exists(String path) {
        return url(path) != null;
    }

    public static URL url(String path) {
        return Bundled.class.getClassLoader().getResource(ROOT + path);
    }

    public static InputStream open(String path) {
        InputStream in = Bundled.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) throw new IllegalStateException("bundled file missing from the build: " + ROOT + path);
        return in;
    }

    public static byte[] bytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The names of the files directly in a bundled folder with the given extension, in name order. */
    public static List<String> list(String folder, String extension) {
        URL u = url(folder);
        if (u == null) return List.of();
        try {
            URI uri = u.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return names(fs.getPath(ROOT + folder), extension);
            }
            return names(Path.of(uri), extension);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list bundled folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<String> names(Path dir, String extension) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(extension))
                    .sorted()
                    .toList();
        }
    }
}
