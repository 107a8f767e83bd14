package org.w3id.vlmsurvey.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The links of a page that shows an older version of the survey ({@link ShownVersion}): a link to a reader page
 * carries that version, so that the reader stays in it; the newest version's links stay clean. Used by the templates'
 * {@code href} and {@code carried} filters ({@link Templates}), the one place links get the version.
 */
public final class VersionLinks {
    private VersionLinks() {}

    /**
     * The first path segments of the reader pages: the pages and exports that take {@code ?version=} (browse
     * pages, charts, search, Linked Data pages and their files). A link to one of them carries the version shown.
     */
    static final Set<String> READER_PAGES =
            Set.of("papers", "datasets", "categories", "venues", "surveys", "charts", "search", "resource");

    /**
     * The value links carry to stay in the version a page shows ({@link #link}): its short id when that is an older
     * version the reader asked for; null for the newest version (links stay clean), without a history, and for a
     * resource shown as the survey last listed it ({@code unlisted}: the reader asked for no version).
     *
     * @param model the page's {@code version} ({@link ShownVersion#model()}), or anything else (null)
     */
    public static String carried(Object model) {
        if (!(model instanceof Map<?, ?> m)) return null;
        if (!Boolean.FALSE.equals(m.get("newest")) || Boolean.TRUE.equals(m.get("unlisted"))) return null;
        Object id = m.get("short");
        return id == null ? null : id.toString();
    }

    /**
     * Where a link of a page showing {@code version} ({@link #carried}) leads: an internal link to a reader page
     * ({@link #READER_PAGES}, or the page itself as {@code ?format=ttl}) gets {@code version=} added to its query,
     * before any fragment, unless it has one; any other link (another site, {@code /versions}, {@code /changes},
     * {@code /static}, the SPARQL endpoint, {@code ?} for the newest version) and any link when {@code version} is
     * null is left as it is. The one place reader links get the version: the templates' {@code href} filter.
     */
    public static String link(String href, String version) {
        if (href == null || version == null || !readerPage(href)) return href;
        int hash = href.indexOf('#');
        String base = hash < 0 ? href : href.substring(0, hash), fragment = hash < 0 ? "" : href.substring(hash);
        int q = base.indexOf('?');
        if (q >= 0)
            for (String pair : base.substring(q + 1).split("&"))
                if (pair.equals(Endpoints.VERSION_PARAMETER) || pair.startsWith(Endpoints.VERSION_PARAMETER + "="))
                    return href;
        return base
                + (q < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&")
                + Endpoints.VERSION_PARAMETER
                + "="
                + URLEncoder.encode(version, StandardCharsets.UTF_8)
                + fragment;
    }

    /** Whether an href leads to a reader page of this site (see {@link #link}). */
    static boolean readerPage(String href) {
        if (href.startsWith("?")) return href.length() > 1; // this page in another format; "?" alone: the newest
        if (!href.startsWith("/") || href.startsWith("//")) return false;
        String path = href.split("[?#]", 2)[0];
        String first = path.substring(1).split("/", 2)[0];
        int dot = first.indexOf('.');
        return READER_PAGES.contains(dot < 0 ? first : first.substring(0, dot));
    }
}
