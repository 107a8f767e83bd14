package org.w3id.vlmsurvey.server;

import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * The bundled survey on the default server options and an ephemeral port, started once for every test class that
 * only reads it (the pages, Linked Data, search and citation tests), instead of once per class; it stops with the
 * test JVM.
 */
final class BundledServer {
    private static SurveyServer server;

    private BundledServer() {}

    static synchronized SurveyServer get() {
        if (server == null) {
            SurveyServer s = SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.resolve(null))
                    .port(0)
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "bundled-server-stop"));
            server = s;
        }
        return server;
    }
}
