package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** The loader reads the source once: what it maps, what it stores and what it labels the store with are one snapshot. */
class SurveyLoaderTest {

    static boolean hasShortName(SurveyStore store, String name) {
        String ask = "ASK { ?p <https://w3id.org/vlm-survey/ontology#shortName> \"" + name + "\" }";
        return Txn.calculateRead(
                store.dataset(),
                () -> QueryExec.dataset(store.dataset()).query(ask).build().ask());
    }

    @Test
    void aFileChangedBetweenReadAndBuildLabelsTheStoreWithTheBytesMapped(@TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(Path.of("data/vlm-survey.md"));
        String text = new String(original, StandardCharsets.UTF_8);
        assertTrue(text.contains("GroupViT"), "the bundled survey lists GroupViT");
        byte[] edited = text.replace("GroupViT", "GroupVeeT").getBytes(StandardCharsets.UTF_8);
        Path md = Files.write(dir.resolve("survey.md"), original);
        SurveyGraph.Source source = SurveyGraph.Source.file(md).withLinks(null);
        // the hook: the file is edited right after the loader has read it, before its fingerprint and its build
        SurveyStore store = SurveyStore.tdb2(dir.resolve("db"));
        try {
            SurveyLoader loader = new SurveyLoader(store, source, true, 2, s -> {
                SurveyGraph.Snapshot read = s.read();
                try {
                    Files.write(md, edited);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return read;
            });
            SurveyLoader.Outcome outcome = loader.load();
            assertTrue(outcome.loaded() && outcome.rebuilt(), outcome.problems().toString());
            Fingerprint mapped = Fingerprint.of(SurveyGraph.Snapshot.of(md.toString(), original));
            Fingerprint onDisk = Fingerprint.of(SurveyGraph.Snapshot.of(md.toString(), edited));
            assertNotEquals(mapped, onDisk);
            assertEquals(mapped, store.fingerprint(), "the store is labelled with the bytes it mapped");
            assertTrue(hasShortName(store, "GroupViT"), "the data is that of the bytes read");
            assertFalse(hasShortName(store, "GroupVeeT"), "nothing of the edit is in the data");

            // the next load reads the edit: its fingerprint differs from the store's, so it is rebuilt and relabelled
            SurveyLoader.Outcome next = new SurveyLoader(store, source, true, 2, SurveyGraph.Source::read).load();
            assertTrue(next.loaded() && next.rebuilt(), next.problems().toString());
            assertEquals(onDisk, store.fingerprint());
            assertTrue(hasShortName(store, "GroupVeeT"));
        } finally {
            store.close();
        }
    }
}
