package org.w3id.vlmsurvey.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * What a built graph depends on, as SHA-256 digests: the bytes of the survey source as read once (the
 * {@link SurveyGraph.Snapshot} that was mapped, with its links), and the program's own
 * bundled files that shape the graph (ontology, shapes, curated venues, mapping and check queries).
 * Two builds with equal fingerprints give the same graph.
 */
public record Fingerprint(String source, String program) {

    /** The digest of the snapshot's bytes (and links, when it has some), and of the program. */
    public static Fingerprint of(SurveyGraph.Snapshot snapshot) {
        return new Fingerprint(snapshot.digest(), programDigest());
    }

    /** Of several surveys served as one graph: one survey's as {@link #of(SurveyGraph.Snapshot)}, else of every digest in order. */
    public static Fingerprint of(java.util.List<SurveyGraph.Snapshot> snapshots) {
        if (snapshots.size() == 1) return of(snapshots.get(0));
        MessageDigest md = digest();
        for (SurveyGraph.Snapshot s : snapshots) {
            md.update(s.digest().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return new Fingerprint(HexFormat.of().formatHex(md.digest()), programDigest());
    }

    private static String programDigest;

    /** The digest of the bundled files the mapping and the text index use, each preceded by its name. */
    static synchronized String programDigest() {
        if (programDigest != null) return programDigest;
        MessageDigest md = digest();
        for (String f : new String[] {Bundled.ONTOLOGY, Bundled.SHAPES, Bundled.VENUES}) add(md, f);
        // queries/index/: the queries that make the text index's context and author documents
        for (String folder : new String[] {"queries/index/", "rules/mapping/", "rules/checks/"})
            for (String name : Bundled.list(folder, ".rq")) add(md, folder + name);
        programDigest = HexFormat.of().formatHex(md.digest());
        return programDigest;
    }

    private static void add(MessageDigest md, String bundledPath) {
        md.update(bundledPath.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        if (Bundled.exists(bundledPath)) md.update(Bundled.bytes(bundledPath));
        md.update((byte) 0);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
