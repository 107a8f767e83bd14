package org.w3id.vlmsurvey.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * The bundled survey with a {@code metadata.ttl} beside it ({@code src/test/resources/metadata/shared-author.ttl}: one
 * author of three papers, one of one), on an ephemeral port, started once for the test classes that read an author's
 * page; it stops with the test JVM.
 */
final class AuthorServer {
    /** The page of the shared author, as CoOp's second author (the same person is CLIP's and ALIGN's first). */
    static final String SHARED = "/resource/paper/arxiv-2109.01134-author-2";
    /** The same author, as CLIP's first author. */
    static final String SHARED_AS_CLIP = "/resource/paper/arxiv-2103.00020-author-1";
    /** The author of CoOp alone. */
    static final String ZHOU = "/resource/paper/arxiv-2109.01134-author-1";

    private static SurveyServer server;

    private AuthorServer() {}

    static synchronized SurveyServer get() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("author-server");
                Path md = Files.copy(Path.of("data/vlm-survey.md"), dir.resolve("vlm-survey.md"));
                Files.copy(
                        Path.of("src/test/resources/metadata/shared-author.ttl"),
                        dir.resolve(SurveyGraph.Source.METADATA));
                SurveyServer s = SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.file(md))
                        .port(0)
                        .build());
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "author-server-stop"));
                server = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}
