package org.w3id.vlmsurvey.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.Golden;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/** The reader: {@code X.md} gives the source graph {@code X.ttl} (isomorphic); bad input gives one clear problem. */
class MarkdownReaderTest {
    static final Path DIR = Path.of("src/test/resources/markdown");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsSourceGraph(String name) throws IOException {
        Graph g = read(DIR.resolve(name + ".md"), name + ".md");
        Golden.assertIsomorphic(DIR.resolve(name + ".ttl"), g);
    }

    @Test
    void emptyFileIsOneClearError(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("empty.md"), "  \n\n");
        SourceException e = assertThrows(SourceException.class, () -> read(f, "empty.md"));
        assertEquals(
                "empty.md: error: file is empty: no survey tables or entries to read",
                e.problem().toString());
    }

    @Test
    void binaryFileNamesTheLine(@TempDir Path tmp) throws IOException {
        Path f = Files.write(tmp.resolve("bin.md"), new byte[] {'#', ' ', 'a', '\n', 'b', '\n', 0, 1, 2});
        SourceException e = assertThrows(SourceException.class, () -> read(f, "bin.md"));
        assertEquals(
                "bin.md:3: error: binary content (NUL byte): this is not a Markdown text file",
                e.problem().toString());
    }

    @Test
    void invalidUtf8NamesTheLine(@TempDir Path tmp) throws IOException {
        Path f = Files.write(
                tmp.resolve("latin1.md"),
                "## ok\n\n| Paper |\n|---|\n| caf\u00e9 |\n".getBytes(StandardCharsets.ISO_8859_1));
        SourceException e = assertThrows(SourceException.class, () -> read(f, "latin1.md"));
        assertEquals(5, e.problem().line());
    }

    @Test
    void byteOrderMarkIsIgnored() {
        Graph g = MarkdownReader.read("\uFEFF## Heading\n", "bom.md");
        assertEquals(
                1,
                g.find(
                                null,
                                org.w3id.vlmsurvey.vocab.SRC.title.asNode(),
                                org.apache.jena.graph.NodeFactory.createLiteralString("Heading"))
                        .toList()
                        .size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"|a|b|c|;3", "|a|b|c;3", "a|b;2", "|a\\|b|c|;2", "|`a|b`|c|;2", "|;1", "||;1", "|a||;2"})
    void countsRawCells(String raw, int cells) {
        assertEquals(cells, RawCells.count(raw));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "Pre-training with Contrastive Objective;pre-training-with-contrastive-objective",
                "🔥 News;-news",
                "Transfer with Text and Visual Prompt Tuning;transfer-with-text-and-visual-prompt-tuning",
                "VLMs & Synthetic Data;vlms--synthetic-data"
            })
    void githubAnchors(String heading, String anchor) {
        assertEquals(anchor, Anchors.github(heading));
    }

    /** Reads a file as the build does: its bytes, decoded strictly, then read. */
    static Graph read(Path file, String name) throws IOException {
        return MarkdownReader.read(MarkdownReader.text(Files.readAllBytes(file), name), name);
    }
}
