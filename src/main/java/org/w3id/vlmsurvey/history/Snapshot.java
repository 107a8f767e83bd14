package org.w3id.vlmsurvey.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.w3id.vlmsurvey.graph.Surveys;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * One version of the survey file as stored: from a git commit or a dated copy in a folder.
 *
 * @param id      the version's identifier: the full commit SHA, or the copy's file name without {@code .md}
 * @param commit  the full commit SHA, or null for a copy in a folder
 * @param time    when the version was made: the commit time, or the copy's date at 00:00 UTC
 * @param name    how problems name the version: {@code README.md@<sha7>}, or the copy's path
 * @param content the file's bytes
 * @param blob    the git blob id of the content (what {@code git hash-object} prints): equal contents, equal ids
 */
public record Snapshot(String id, String commit, Instant time, String name, byte[] content, String blob) {

    /** A snapshot of the given content; its blob id is computed. */
    public static Snapshot of(String id, String commit, Instant time, String name, byte[] content) {
        return new Snapshot(id, commit, time, name, content, blobId(content));
    }

    /** The version's IRI, {@code https://w3id.org/vlm-survey/version/<id>}; also the name of its graph. */
    public Node iri() {
        return iri(null);
    }

    /**
     * The version's IRI when it is a version of {@code survey} (an IRI of {@link Surveys#iris}, or null for one survey alone) among several: the
     * first survey's versions keep {@link #iri()}, a later one's are {@code version/<slug>/<id>} (its slug: {@link
     * Surveys#slug}), so versions of two surveys never share an IRI.
     */
    public Node iri(String survey) {
        String slug = survey == null ? null : Surveys.slug(survey);
        return NodeFactory.createURI(VLM.VERSION
                + (slug == null ? "" : slug + "/")
                + org.apache.jena.atlas.lib.IRILib.encodeUriComponent(id));
    }

    /** The content as text (UTF-8). */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The git blob id of these bytes (SHA-1 of {@code "blob <length>\0"} and the bytes), in hex. */
    public static String blobId(byte[] content) {
        try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
            return f.idFor(Constants.OBJ_BLOB, content).name();
        }
    }
}
