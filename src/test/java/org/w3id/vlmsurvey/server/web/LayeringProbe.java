package org.w3id.vlmsurvey.server.web;

import org.apache.jena.graph.Graph;
import org.w3id.vlmsurvey.mapping.SurveyMapping;
import org.w3id.vlmsurvey.markdown.MarkdownReader;

/**
 * Not part of the program: a page class that maps Markdown itself, bypassing the build ({@code graph}). The layering
 * test imports it on its own to show that its rules catch such a class (architecture/LayeringTest).
 */
final class LayeringProbe {
    private LayeringProbe() {}

    static SurveyMapping.Output mapItMyself(String markdown) {
        Graph source = MarkdownReader.read(markdown, "probe.md");
        return SurveyMapping.bundled().run(source, source, "probe.md");
    }
}
