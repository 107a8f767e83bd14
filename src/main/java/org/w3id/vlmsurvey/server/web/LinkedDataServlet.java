package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.vlmsurvey.export.BibTeX;
import org.w3id.vlmsurvey.export.RIS;
import org.w3id.vlmsurvey.server.store.SurveyStore;
import org.w3id.vlmsurvey.server.store.SurveyVersions;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * Linked Data: {@code /resource/X} describes {@code https://w3id.org/vlm-survey/resource/X}, as RDF or as an
 * HTML page, by content negotiation: a paper, dataset, category, venue or author has its own page ({@link ResourcePages}),
 * any other resource the page of its statements. A paper is also BibTeX ({@code Accept: application/x-bibtex},
 * {@code ?format=bib}, or {@code /resource/paper/X.bib}). With a history, the newest version or the one of
 * {@code ?version=} ({@link ShownVersion}); a paper or dataset that version does not list is shown as the survey
 * last listed it, saying so.
 * {@code ?format=bib}, or {@code /resource/paper/X.bib}) and RIS ({@code Accept:
 * application/x-research-info-systems}, {@code ?format=ris}, or {@code /resource/paper/X.ris}).
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
        boolean risFile = local.startsWith("paper/") && local.endsWith(".ris");
        if (bibFile || risFile) local = local.substring(0, local.length() - ".bib".length());
        String iri = VLM.RES + local;
        ShownVersion asked = ShownVersion.of(req, store);
        // a resource the shown version does not list: as the survey last listed it
        Optional<SurveyVersions.Version> last = local.isEmpty() ? Optional.empty() : asked.lastListing(iri);
        ShownVersion shown = last.map(v -> asked.at(store, v)).orElse(asked);
        DatasetGraph dsg = shown.dataset();
        if (risFile || (local.startsWith("paper/") && !bibFile && Negotiation.wantsRIS(req))) {
            ris(req, resp, iri, dsg);
            return;
        }
        if (bibFile || (local.startsWith("paper/") && Negotiation.wantsBibTeX(req))) {
            bibtex(req, resp, iri, dsg);
            return;
        }
        String type = Negotiation.chooseOrRefuse(req, resp);
        if (type == null) return;
        Graph d = local.isEmpty()
                ? null
                : Txn.calculateRead(dsg, () -> ResourceDescription.describe(dsg.getDefaultGraph(), iri));
        if (d == null) {
            notFound(req, resp, iri);
            return;
        }
        Map<String, Object> version = shown.model();
        if (version != null && last.isPresent()) {
            version = new java.util.LinkedHashMap<>(version);
            version.put("unlisted", true);
        }
        String page = type.equals(Negotiation.HTML)
                ? ResourcePages.html(dsg, store.dataset(), iri, version, store.loaded())
                : null;
        if (page != null) Negotiation.html(resp, page);
        else Negotiation.send(resp, type, d, g -> ResourceDescription.html(g, iri));
    }

    /** The BibTeX entry of a paper ({@code Accept: application/x-bibtex}, {@code ?format=bib} or {@code .bib}). */
    private void bibtex(HttpServletRequest req, HttpServletResponse resp, String iri, DatasetGraph dsg)
            throws IOException {
        List<BibTeX.Entry> entries = Citations.entries(dsg, iri::equals);
        if (entries.isEmpty()) {
            notFound(req, resp, iri);
            return;
        }
        resp.setHeader(
                "Content-Disposition", "inline; filename=\"" + entries.get(0).key() + ".bib\"");
        Negotiation.send(resp, Negotiation.BIBTEX, BibTeX.write(entries));
    }

    /** The RIS record of a paper ({@code Accept: application/x-research-info-systems}, {@code ?format=ris} or {@code .ris}). */
    private void ris(HttpServletRequest req, HttpServletResponse resp, String iri, DatasetGraph dsg)
            throws IOException {
        List<RIS.Record> records = Citations.records(dsg, iri::equals);
        if (records.isEmpty()) {
            notFound(req, resp, iri);
            return;
        }
        resp.setHeader(
                "Content-Disposition",
                "inline; filename=\"" + records.get(0).fields().get(0).getValue() + ".ris\"");
        Negotiation.send(resp, Negotiation.RIS, RIS.write(records));
    }

    private static void notFound(HttpServletRequest req, HttpServletResponse resp, String iri) throws IOException {
        ErrorPage.send(req, resp, HttpServletResponse.SC_NOT_FOUND, "Not found: the survey has no resource " + iri);
    }
}
