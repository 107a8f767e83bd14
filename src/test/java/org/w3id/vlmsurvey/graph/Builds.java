package org.w3id.vlmsurvey.graph;

import java.nio.charset.StandardCharsets;

/** Tests' way to build Markdown held in a string: a snapshot of its UTF-8 bytes, without links, on two threads. */
public final class Builds {
    private Builds() {}

    public static SurveyGraph.Result of(String name, String markdown) {
        return SurveyGraph.build(SurveyGraph.Snapshot.of(name, markdown.getBytes(StandardCharsets.UTF_8)), 2, null);
    }
}
