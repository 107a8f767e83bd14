package org.w3id.vlmsurvey;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.w3id.vlmsurvey.export.Exporter;

/**
 * Golden files: an actual graph is compared with an expected Turtle file by graph isomorphism.
 * Run with {@code -Dgolden.update=true} to (re)write the expected files, then review the diff before committing.
 */
public final class Golden {
    public static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {}

    public static Graph readTurtle(Path p) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(p).lang(Lang.TURTLE).parse(g);
        return g;
    }

    public static String turtle(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(g, Exporter.Format.TTL, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static void assertIsomorphic(Path expected, Graph actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expected, turtle(actual));
            return;
        }
        assertTrue(Files.exists(expected), "missing golden file " + expected + " (run with -Dgolden.update=true)");
        Graph exp = readTurtle(expected);
        if (!IsoMatcher.isomorphic(exp, actual))
            fail("graph differs from " + expected + "\n--- expected\n" + turtle(exp) + "\n--- actual\n"
                    + turtle(actual));
    }

    public static void assertText(Path expected, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expected, actual);
            return;
        }
        assertTrue(Files.exists(expected), "missing golden file " + expected + " (run with -Dgolden.update=true)");
        org.junit.jupiter.api.Assertions.assertEquals(Files.readString(expected), actual, "differs from " + expected);
    }
}
