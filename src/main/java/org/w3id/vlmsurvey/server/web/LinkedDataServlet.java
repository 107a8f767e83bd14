package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.export.BibTeX;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Linked Data: {@code /resource/X} describes {@code https://w3id.org/vlm-survey/resource/X}, as RDF or as an
 * HTML page, by content negotiation: a paper, dataset, category or venue has its own page ({@link ResourcePages}),
 * any other resource the page of its statements. A paper is also BibTeX ({@code Accept: application/x-bibtex},
 * {@code ?format=bib}, or {@code /resource/paper/X.bib}).
 */
public final class LinkedDataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SurveyStore store;

    public LinkedDataServlet(SurveyStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String local = path.startsWith("/resource/") ? path.substring("/resource/".length()) : "";
        boolean bibFile = local.startsWith("paper/") && local.endsWith(".bib");
        if (bibFile) local = local.substring(0, local.length() - ".bib".length());
        String iri = VLM.RES + local;
        if (bibFile || (local.startsWith("paper/") && Negotiation.wantsBibTeX(req))) {
            bibtex(req, resp, iri);
            return;
        }
        String type = Negotiation.chooseOrRefuse(req, resp);
        if (type == null) return;
        Graph d = local.isEmpty()
                ? null
                : Txn.calculateRead(
                        store.dataset(),
                        () -> ResourceDescription.describe(store.dataset().getDefaultGraph(), iri));
        if (d == null) {
            notFound(req, resp, iri);
            return;
        }
        String page = type.equals(Negotiation.HTML) ? ResourcePages.html(store.dataset(), iri, store.loaded()) : null;
        if (page != null) Negotiation.html(resp, page);
        else Negotiation.send(resp, type, d, g -> ResourceDescription.html(g, iri));
    }

    /** The BibTeX entry of a paper ({@code Accept: application/x-bibtex}, {@code ?format=bib} or {@code .bib}). */
    private void bibtex(HttpServletRequest req, HttpServletResponse resp, String iri) throws IOException {
        List<BibTeX.Entry> entries = Citations.entries(store.dataset(), iri::equals);
        if (entries.isEmpty()) {
            notFound(req, resp, iri);
            return;
        }
        resp.setHeader(
                "Content-Disposition", "inline; filename=\"" + entries.get(0).key() + ".bib\"");
        Negotiation.send(resp, Negotiation.BIBTEX, BibTeX.write(entries));
    }

    private static void notFound(HttpServletRequest req, HttpServletResponse resp, String iri) throws IOException {
        ErrorPage.send(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: the survey has no resource " + iri);
    }
}
