package org.w3id.vlmsurvey.server.web;

import org.w3id.vlmsurvey.server.store.SurveyStore;


import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Linked Data: {@code /resource/X} describes {@code https://w3id.org/vlm-survey/resource/X}, as RDF or as an
 * HTML page, by content negotiation.
 */
public final class LinkedDataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final SurveyStore store;

    public LinkedDataServlet(SurveyStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String local = path.startsWith("/resource/") ? path.substring("/resource/".length()) : "";
        String iri = VLM.RES + local;
        String type = Negotiation.chooseOrRefuse(req, resp);
        if (type == null) return;
        Graph d = local.isEmpty() ? null
                : Txn.calculateRead(store.dataset(), () -> ResourceDescription.describe(store.dataset().getDefaultGraph(), iri));
        if (d == null) {
            Negotiation.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not found: the survey has no resource " + iri + "\n");
            return;
        }
        Negotiation.send(resp, type, d, g -> ResourceDescription.html(g, iri));
    }
}
