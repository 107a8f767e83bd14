package org.w3id.vlmsurvey.graph;

import org.w3id.vlmsurvey.mapping.MappingFunctions;

/**
 * The mapping's identity rules, for the layers above that match resources across versions of the survey (they may
 * not use {@code mapping} themselves): the key of a link and the key of a written title.
 */
public final class IdentityKeys {
    private IdentityKeys() {}

    /**
     * The identity key of a link, the one the mapping names papers by: "arxiv-ID" for arxiv.org/abs and /pdf links
     * (any version), "doi-..." for DOI links, else "url-" and a hash of the normalised URL (https, no "www.", no
     * fragment or trailing slash).
     */
    public static String link(String href) {
        return MappingFunctions.linkKey(href);
    }

    /**
     * The key of a written title ({@code vlmfn:titleKey}): a short name in parentheses at its end or before a colon at
     * its start dropped, then its slug.
     */
    public static String title(String title) {
        return MappingFunctions.titleKey(title);
    }

    /** Whether {@code id} is an arXiv id as the mapping writes {@code fabio:hasArXivId} ("2103.00020", "cs/0112017"). */
    public static boolean isArxivId(String id) {
        return MappingFunctions.isArxivId(id);
    }
}
