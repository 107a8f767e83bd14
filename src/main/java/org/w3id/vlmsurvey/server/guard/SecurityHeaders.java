package org.w3id.vlmsurvey.server.guard;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every response carries: no content sniffing, and a Content-Security-Policy that the pages satisfy
 * (scripts and styles only from this server, no inline script, nothing framing the pages, no plugins, forms and
 * fetches only to this server). Inline {@code style} attributes stay allowed: the vendored YASGUI and ECharts set
 * styles on elements they draw.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    public static void apply(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "same-origin");
    }
}
