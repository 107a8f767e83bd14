package org.w3id.vlmsurvey.graph;

import java.util.regex.Pattern;
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

    private static final Pattern LEADING_SHORT_NAME = Pattern.compile("^[^\\s:]{1,40}:\\s+(?=\\S)");

    /**
     * The key of a written title: a short name in parentheses at its end ("... Supervision (CLIP)") or before a
     * colon at its start ("CLIP: Learning ...") dropped, then its slug (lowercase, runs of other characters than
     * letters and digits as "-"). Two writings of one title, as a numbered list and as a table row, get one key.
     */
    public static String title(String title) {
        String t = MappingFunctions.withoutShortName(title.strip());
        t = LEADING_SHORT_NAME.matcher(t).replaceFirst("");
        return MappingFunctions.slug(t, "t");
    }
}
