package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: a page loads nothing from another host (links to other sites are {@code <a href>}s, and fine). */
public final class OtherHosts {
    private static final Pattern REFERENCE = Pattern.compile(
            "<(?!a\\s)[a-zA-Z]+\\s[^>]*\\b(?:src|href|srcset|data|action|poster)\\s*=\\s*\"(?:https?:)?//[^\"]*\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?(?:https?:)?//");

    private OtherHosts() {}

    /** No element but {@code <a>} names another host in an attribute that loads it, and no CSS {@code url()} or {@code @import} does. */
    public static void assertNone(String html) {
        Matcher m = REFERENCE.matcher(html);
        assertFalse(m.find(), () -> "a reference to another host outside <a href>: " + m.group());
        assertFalse(CSS_URL.matcher(html).find(), "a CSS url() to another host");
        assertFalse(html.contains("@import"), "a CSS @import");
    }
}
